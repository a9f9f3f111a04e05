import { describe, expect, it } from 'vitest';
import { hashSecret, looksLikeApiToken, newApiToken, randomSecret } from './secrets.js';

describe('secrets', () => {
  it('makes distinct API tokens with the prv_ prefix', () => {
    const first = newApiToken();
    expect(looksLikeApiToken(first)).toBe(true);
    expect(first).not.toBe(newApiToken());
    expect(randomSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each(['', 'prv_', 'prv_short', `xyz_${'a'.repeat(43)}`, `prv_${'a'.repeat(42)}!`])('rejects %j as a token', (text) => {
    expect(looksLikeApiToken(text)).toBe(false);
  });

  it('hashes with SHA-256 as hex', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
