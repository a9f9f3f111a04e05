import { describe, expect, it } from 'vitest';
import { appVersionLabel } from './app-version-label';

describe('appVersionLabel', () => {
  it('writes the short version with the build in parentheses', () => {
    expect(appVersionLabel({ shortVersion: '2.4', build: '118' })).toBe('2.4 (118)');
  });

  it('writes a build equal to the short version once, and leaves out a missing half', () => {
    expect(appVersionLabel({ shortVersion: '3.0', build: '3.0' })).toBe('3.0');
    expect(appVersionLabel({ shortVersion: '3.0', build: '' })).toBe('3.0');
    expect(appVersionLabel({ shortVersion: '', build: '77' })).toBe('77');
  });

  it('has nothing to show without a current version', () => {
    expect(appVersionLabel(null)).toBeUndefined();
    expect(appVersionLabel({ shortVersion: '', build: '' })).toBeUndefined();
  });
});
