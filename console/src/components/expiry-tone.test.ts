import { describe, expect, it } from 'vitest';
import { expiryTone } from './expiry-tone';

describe('expiryTone', () => {
  it('is red within 30 days, amber within 60, red again once expired', () => {
    expect(expiryTone(-1)).toBe('expired');
    expect(expiryTone(0)).toBe('critical');
    expect(expiryTone(30)).toBe('critical');
    expect(expiryTone(31)).toBe('warning');
    expect(expiryTone(60)).toBe('warning');
    expect(expiryTone(61)).toBe('ok');
    expect(expiryTone(null)).toBe('none');
  });
});
