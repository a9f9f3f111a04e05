import { describe, expect, it } from 'vitest';
import { decodePemBlocks, encodePem } from './pem.js';

describe('PEM', () => {
  it('round-trips DER through PEM, 64 columns a line', () => {
    const der = Uint8Array.from({ length: 100 }, (_, index) => index);
    const pem = encodePem(der);
    expect(pem.split('\n')[1]).toHaveLength(64);
    expect(decodePemBlocks(pem)).toEqual([der]);
  });

  it('skips blocks with other labels and text between blocks', () => {
    const text = `junk\n${encodePem(Uint8Array.of(1), 'PRIVATE KEY')}\n${encodePem(Uint8Array.of(2))}`;
    expect(decodePemBlocks(text)).toEqual([Uint8Array.of(2)]);
  });

  it('rejects a body that is not base64', () => {
    expect(() => decodePemBlocks('-----BEGIN CERTIFICATE-----\nab$d\n-----END CERTIFICATE-----')).toThrow(
      expect.objectContaining({ code: 'x509.invalid' }),
    );
  });
});
