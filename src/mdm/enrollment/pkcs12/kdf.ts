import { hash } from 'node:crypto';

/** What the derived bytes are for (RFC 7292 appendix B.3). */
export const Pkcs12KeyPurpose = { key: 1, iv: 2, mac: 3 } as const;
export type Pkcs12KeyPurpose = (typeof Pkcs12KeyPurpose)[keyof typeof Pkcs12KeyPurpose];

/** Both SHA-1 and SHA-256 work on 64-byte blocks. */
const BLOCK = 64;

/**
 * The PKCS #12 key derivation (RFC 7292 appendix B.2): still how the MAC key is made even when
 * the key bag uses PBES2, and how the legacy triple-DES bag gets its key and IV.
 * `password` is already encoded as {@link bmpPassword} does.
 */
export function pkcs12Kdf(
  digest: 'sha1' | 'sha256',
  password: Uint8Array,
  salt: Uint8Array,
  purpose: Pkcs12KeyPurpose,
  iterations: number,
  length: number,
): Uint8Array {
  const diversifier = new Uint8Array(BLOCK).fill(purpose);
  const input = Buffer.concat([fillBlocks(salt), fillBlocks(password)]);
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; ) {
    let block: Buffer = hash(digest, Buffer.concat([diversifier, input]), 'buffer');
    for (let round = 1; round < iterations; round++) block = hash(digest, block, 'buffer');
    out.set(block.subarray(0, length - offset), offset);
    offset += block.length;
    if (offset < length) addToEveryBlock(input, repeatTo(block, BLOCK));
  }
  return out;
}

/** A password as PKCS #12 wants it: UTF-16 big-endian with a two-byte terminator. */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[i * 2] = unit >> 8;
    out[i * 2 + 1] = unit & 0xff;
  }
  return out;
}

/** `bytes` repeated to fill whole blocks (empty stays empty). */
function fillBlocks(bytes: Uint8Array): Uint8Array {
  return repeatTo(bytes, BLOCK * Math.ceil(bytes.length / BLOCK));
}

function repeatTo(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = bytes[i % bytes.length]!;
  return out;
}

/** I_j = (I_j + B + 1) mod 2^(8·64), for each 64-byte block I_j of `input`, big-endian. */
function addToEveryBlock(input: Uint8Array, addend: Uint8Array): void {
  for (let start = 0; start < input.length; start += BLOCK) {
    let carry = 1;
    for (let i = BLOCK - 1; i >= 0; i--) {
      const sum = input[start + i]! + addend[i]! + carry;
      input[start + i] = sum & 0xff;
      carry = sum >> 8;
    }
  }
}
