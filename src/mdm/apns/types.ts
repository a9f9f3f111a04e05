/** One device to wake: where APNs delivers, and what the device checks the push against. */
export interface PushTarget {
  /** The device token as hex (TokenUpdate's `Token`). */
  readonly token: string;
  /** TokenUpdate's `PushMagic`, sent back as `{"mdm": pushMagic}`. */
  readonly pushMagic: string;
  /** The MDM push certificate's topic (`com.apple.mgmt.…`). */
  readonly topic: string;
}

/**
 * What became of one push.
 * - `delivered`: APNs accepted it (the device checks in when it can).
 * - `invalid_token`: APNs says this token will never work (Unregistered, BadDeviceToken,
 *   DeviceTokenNotForTopic): mark it invalid until the device sends a new TokenUpdate.
 * - `failed`: not delivered; `retryable` when retries ran out on a temporary problem (try again
 *   later), false for a problem of ours (certificate, topic, payload) no retry fixes.
 */
export type PushOutcome =
  | { readonly status: 'delivered'; readonly target: PushTarget; readonly apnsId: string | undefined; readonly attempts: number }
  | {
      readonly status: 'invalid_token';
      readonly target: PushTarget;
      readonly reason: string;
      /** From a 410: when APNs learned the token stopped being valid. */
      readonly invalidSince: Date | undefined;
      readonly attempts: number;
    }
  | {
      readonly status: 'failed';
      readonly target: PushTarget;
      readonly reason: string;
      readonly statusCode: number | undefined;
      readonly retryable: boolean;
      readonly attempts: number;
    };

/** Sends MDM pushes. Services depend on this, not on the APNs client, so tests can record pushes. */
export interface PushSender {
  /** One outcome per target, in the same order. Never rejects for a per-target problem. */
  push(targets: readonly PushTarget[]): Promise<PushOutcome[]>;
}
