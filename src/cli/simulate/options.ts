import { InvalidArgumentError } from 'commander';

/** `--devices`, `--concurrency`: a whole number from 1 to `max`. */
export function parseCount(max: number): (value: string) => number {
  return (value) => {
    const count = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || count < 1 || count > max) throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
    return count;
  };
}

/** `--locked-ratio`: a share from 0 to 1. */
export function parseRatio(value: string): number {
  const ratio = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw new InvalidArgumentError('expected a number from 0 to 1, e.g. 0.2');
  return ratio;
}

/** `--duration`, `--interval`: seconds, fractions allowed, 0 or more. */
export function parseSeconds(value: string): number {
  const seconds = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > 86_400) {
    throw new InvalidArgumentError('expected seconds from 0 to 86400');
  }
  return seconds;
}
