import { constants, type ClientHttp2Session, type OutgoingHttpHeaders } from 'node:http2';
import type { PushTarget } from './types.js';

/** What one attempt got: an HTTP answer, or a transport failure (no answer at all). */
export type PushAttempt =
  | {
      readonly kind: 'answer';
      readonly statusCode: number;
      readonly apnsId: string | undefined;
      readonly reason: string | undefined;
      /** Milliseconds since the epoch, on 410 answers. */
      readonly timestamp: number | undefined;
    }
  | { readonly kind: 'transport'; readonly reason: string };

/** APNs error bodies are tiny JSON objects; anything bigger is not one. */
const MAX_BODY = 4096;

/** POSTs one MDM push on `session` and waits for the answer. Never rejects. */
export function sendPush(session: ClientHttp2Session, target: PushTarget, timeoutMs: number): Promise<PushAttempt> {
  return new Promise((resolve) => {
    const headers: OutgoingHttpHeaders = {
      ':method': 'POST',
      ':path': `/3/device/${target.token}`,
      'apns-topic': target.topic,
      'apns-push-type': 'mdm',
      'apns-priority': '10',
      'content-type': 'application/json',
    };
    let stream;
    try {
      stream = session.request(headers);
    } catch (error) {
      // A session that closed between the check and the request (GOAWAY raced us).
      resolve({ kind: 'transport', reason: messageOf(error) });
      return;
    }
    let statusCode: number | undefined;
    let apnsId: string | undefined;
    let failure: string | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    stream.setTimeout(timeoutMs, () => {
      failure = `no answer within ${timeoutMs} ms`;
      stream.close(constants.NGHTTP2_CANCEL);
    });
    stream.on('response', (responseHeaders) => {
      statusCode = Number(responseHeaders[':status']);
      const id = responseHeaders['apns-id'];
      apnsId = typeof id === 'string' ? id : undefined;
    });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    stream.on('error', (error) => {
      failure ??= messageOf(error);
    });
    stream.on('close', () => {
      if (statusCode !== undefined && failure === undefined && stream.rstCode === constants.NGHTTP2_NO_ERROR) {
        resolve({ kind: 'answer', statusCode, apnsId, ...readErrorBody(Buffer.concat(chunks)) });
      } else {
        resolve({ kind: 'transport', reason: failure ?? `stream closed with code ${stream.rstCode}` });
      }
    });
    stream.end(JSON.stringify({ mdm: target.pushMagic }));
  });
}

/** `{"reason": "...", "timestamp": ...}` of an error answer; empty for a 200. */
function readErrorBody(body: Buffer): { reason: string | undefined; timestamp: number | undefined } {
  if (body.length === 0) return { reason: undefined, timestamp: undefined };
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { reason?: unknown; timestamp?: unknown };
    return {
      reason: typeof parsed.reason === 'string' ? parsed.reason : undefined,
      timestamp: typeof parsed.timestamp === 'number' ? parsed.timestamp : undefined,
    };
  } catch {
    return { reason: undefined, timestamp: undefined };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
