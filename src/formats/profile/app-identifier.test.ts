import { describe, expect, it } from 'vitest';
import { bundleIdCovers, splitAppIdentifier } from './app-identifier.js';

describe('splitAppIdentifier', () => {
  it('splits at the first dot', () => {
    expect(splitAppIdentifier('ABCDE12345.com.acme.app')).toEqual({
      prefix: 'ABCDE12345',
      bundleId: 'com.acme.app',
      isWildcard: false,
    });
  });

  it('recognises wildcards', () => {
    expect(splitAppIdentifier('ABCDE12345.*')?.isWildcard).toBe(true);
    expect(splitAppIdentifier('ABCDE12345.com.acme.*')?.isWildcard).toBe(true);
    expect(splitAppIdentifier('ABCDE12345.com.acme*x')?.isWildcard).toBe(false);
  });

  it.each(['', 'nodot', '.com.acme', 'TEAM.'])('rejects %j', (value) => {
    expect(splitAppIdentifier(value)).toBeNull();
  });
});

describe('bundleIdCovers', () => {
  it.each([
    ['com.acme.app', 'com.acme.app', true],
    ['com.acme.app', 'com.acme.app2', false],
    ['com.acme.*', 'com.acme.app', true],
    ['com.acme.*', 'com.acme.app.widget', true],
    ['com.acme.*', 'com.acmex.app', false],
    ['com.acme.*', 'com.acme.', false],
    ['*', 'anything.at.all', true],
  ] as const)('%s covers %s: %s', (pattern, bundleId, expected) => {
    expect(bundleIdCovers(pattern, bundleId)).toBe(expected);
  });
});
