import { InvalidArgumentError } from 'commander';

/** Parses `--expiring-within DAYS`: a whole number of days, 0 or more. */
export function parseDays(value: string): number {
  if (!/^\d{1,5}$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of days, e.g. 30');
  return Number(value);
}
