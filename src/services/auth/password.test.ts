import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, type ScryptCost } from './password.js';

// A cheap cost keeps the suite fast; the encoding and comparison are what is under test.
const CHEAP: ScryptCost = { logN: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', CHEAP);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterz', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('encodes parameters and a fresh salt with every hash', async () => {
    const first = await hashPassword('same password', CHEAP);
    const second = await hashPassword('same password', CHEAP);
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(first).not.toBe(second);
  });

  it('uses the parameters stored in the hash, not the current defaults', async () => {
    const hash = await hashPassword('old hash', { logN: 11, r: 4, p: 2 });
    expect(hash).toContain('$ln=11,r=4,p=2$');
    expect(await verifyPassword('old hash', hash)).toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('caf\u00e9-password', CHEAP);
    expect(await verifyPassword('cafe\u0301-password', hash)).toBe(true);
  });

  it.each(['', 'plain-text', '$scrypt$ln=99,r=8,p=1$c2FsdA$a2V5', '$scrypt$ln=10,r=8,p=1$c2FsdA$', '$bcrypt$10$abc'])(
    'never matches the malformed hash %j',
    async (hash) => {
      expect(await verifyPassword('anything', hash)).toBe(false);
    },
  );
});
