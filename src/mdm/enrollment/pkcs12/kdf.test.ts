import { describe, expect, it } from 'vitest';
import { bmpPassword, pkcs12Kdf, Pkcs12KeyPurpose } from './kdf.js';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const upper = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

describe('pkcs12Kdf', () => {
  // The vectors other PKCS #12 implementations (BouncyCastle, Go's x/crypto) test against.
  it('derives the published SHA-1 key, IV and MAC vectors', () => {
    const smeg = bmpPassword('smeg');
    expect(upper(pkcs12Kdf('sha1', smeg, hex('0A58CF64530D823F'), Pkcs12KeyPurpose.key, 1, 24))).toBe(
      '8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3',
    );
    expect(upper(pkcs12Kdf('sha1', smeg, hex('0A58CF64530D823F'), Pkcs12KeyPurpose.iv, 1, 8))).toBe('79993DFE048D3B76');
    expect(upper(pkcs12Kdf('sha1', smeg, hex('3D83C0E4546AC140'), Pkcs12KeyPurpose.mac, 1, 20))).toBe(
      '8D967D88F6CAA9D714800AB3D48051D63F73A312',
    );
    expect(upper(pkcs12Kdf('sha1', bmpPassword('queeg'), hex('05DEC959ACFF72F7'), Pkcs12KeyPurpose.key, 1000, 24))).toBe(
      'ED2034E36328830FF09DF1E1A07DD357185DAC0D4F9EB3D4',
    );
  });

  it('encodes passwords as UTF-16 big-endian with a terminator', () => {
    expect([...bmpPassword('ab')]).toEqual([0, 0x61, 0, 0x62, 0, 0]);
    expect([...bmpPassword('é')]).toEqual([0, 0xe9, 0, 0]);
  });
});
