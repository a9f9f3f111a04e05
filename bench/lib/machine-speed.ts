import { generateKeyPairSync, sign } from 'node:crypto';
import { median, round } from './stats.js';

const SIGNATURES = 200;

/**
 * How fast this machine is at the moment, as milliseconds per RSA-2048 signature (the median of
 * a few hundred): printed next to a bench's figures, so runs on machines of unequal speed, or on
 * one machine under unequal load, can be told apart. Measured before the timed part, in the
 * bench's own process.
 */
export function rsaSignMs(): number {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const data = Buffer.alloc(1_024, 1);
  const samples: number[] = [];
  for (let index = 0; index < SIGNATURES; index++) {
    const started = performance.now();
    sign('sha256', data, privateKey);
    samples.push(performance.now() - started);
  }
  return round(median(samples));
}
