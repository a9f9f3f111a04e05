/**
 * Why a virtual device could not do what it was asked. Codes are stable:
 * - `simulator.enrollment_invalid`  the enrollment profile lacks a payload a device needs
 * - `simulator.server_refused`      the server answered a check-in or download with a non-2xx status
 * - `simulator.network`             the request did not complete (connection refused, reset, timeout)
 * - `simulator.not_enrolled`        the device was asked to talk to the server before enrolling
 */
export type SimulatorErrorCode =
  | 'simulator.enrollment_invalid'
  | 'simulator.server_refused'
  | 'simulator.network'
  | 'simulator.not_enrolled';

/** The error the simulator throws for its own failures (decoders keep their own error types). */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';

  constructor(
    readonly code: SimulatorErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
