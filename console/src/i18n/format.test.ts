import { describe, expect, it } from 'vitest';
import { createFormatters } from './format';

describe('createFormatters', () => {
  it('writes sizes in decimal units with the locale’s separators', () => {
    expect(createFormatters('en-US').bytes(9_612)).toBe('9.6 kB');
    expect(createFormatters('nl-NL').bytes(2_500_000_000)).toBe('2,5 GB');
    expect(createFormatters('en-US').bytes(512)).toBe('512 byte');
  });

  it('joins lists with the language’s word for "and"', () => {
    expect(createFormatters('nl-NL').list(['A', 'B', 'C'])).toBe('A, B en C');
    expect(createFormatters('en-US').list(['A', 'B'])).toBe('A and B');
  });

  it('writes API days (UTC) as that same day in any time zone, and whole percentages', () => {
    expect(createFormatters('nl-NL').day('2026-01-01')).toBe('1 jan 2026');
    expect(createFormatters('en-US').day('2026-12-31')).toBe('Dec 31, 2026');
    expect(createFormatters('en-US').month('2026-02-28')).toBe('Feb');
    expect(createFormatters('nl-NL').percent(45)).toBe('45%');
    expect(createFormatters('en-US').percent(100)).toBe('100%');
  });
});
