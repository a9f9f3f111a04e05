import { ApnsClient, type ApnsClientOptions } from '../../src/mdm/apns/index.js';
import type { IssuedCertificate } from '../../src/testkit/pki/index.js';
import type { FakeApns } from './fake-apns.js';

/**
 * The real APNs client aimed at `fake`, pushing with `certificate`: four attempts, backoff from
 * 100 ms up to 1 s with its jitter fixed, each delay handed to `recordSleep` instead of waited
 * for, so a test runs fast and can assert the delays.
 */
export function clientForFake(
  fake: FakeApns,
  certificate: IssuedCertificate,
  recordSleep: (milliseconds: number) => void,
  options: Partial<ApnsClientOptions> = {},
): ApnsClient {
  return new ApnsClient({
    // Asked only when not given: a closed fake has no origin any more.
    origin: options.origin ?? fake.origin,
    certificate: certificate.pem,
    privateKey: certificate.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    ca: fake.ca,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
    sleep: (milliseconds) => {
      recordSleep(milliseconds);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...options,
  });
}
