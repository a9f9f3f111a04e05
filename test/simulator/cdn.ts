import type { DeviceTransport, HttpExchange, HttpReply } from '../../src/simulator/index.js';

/** Where {@link withCdn} serves files from; URLs on this origin never reach the server. */
export const CDN_ORIGIN = 'https://apps.cdn.provisio.test';

/**
 * A transport that answers GETs for {@link CDN_ORIGIN} from `files` (an app manifest and .ipa
 * hosted elsewhere than the MDM server, as many fleets do) and sends everything else on.
 */
export function withCdn(inner: DeviceTransport, files: ReadonlyMap<string, Uint8Array>): DeviceTransport & { readonly fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    send(exchange: HttpExchange): Promise<HttpReply> {
      if (!exchange.url.startsWith(`${CDN_ORIGIN}/`)) return inner.send(exchange);
      fetched.push(exchange.url);
      const body = files.get(new URL(exchange.url).pathname);
      return Promise.resolve({ status: body ? 200 : 404, body: body ?? new Uint8Array(0), contentType: undefined });
    },
  };
}
