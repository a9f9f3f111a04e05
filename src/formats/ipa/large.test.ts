import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileSource } from '../../io/file-source.js';
import { buildIpa, developerSigner } from '../../testkit/ipa/index.js';
import { testPki } from '../../testkit/pki/index.js';
import type { ByteSource } from '../../io/byte-source.js';
import { inspectIpa } from './inspect.js';

/** Counts the bytes a source hands out, to prove the filler is never read. */
function counting(source: ByteSource): { source: ByteSource; bytesRead: () => number } {
  let total = 0;
  return {
    source: {
      size: source.size,
      read: async (offset, length) => {
        total += length;
        return source.read(offset, length);
      },
    },
    bytesRead: () => total,
  };
}

describe('an IPA with a large stored filler entry on disk', () => {
  let directory = '';
  let path = '';
  const signer = developerSigner('FILLER0001', { notBefore: new Date('2025-01-01'), notAfter: new Date('2027-01-01') });

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'provisio-ipa-'));
    path = join(directory, 'large.ipa');
    await buildIpa({ bundleId: 'com.example.large', signer, filler: 64 * 1024 * 1024 }, path);
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('is inspected from the central directory and a few small entries only', async () => {
    expect((await stat(path)).size).toBeGreaterThan(64 * 1024 * 1024);
    const file = await openFileSource(path);
    try {
      const { source, bytesRead } = counting(file);
      const result = await inspectIpa(source, { trust: testPki().trustAnchors() });
      expect(result.bundleId).toBe('com.example.large');
      expect(result.signingCertificate?.teamId).toBe('FILLER0001');
      expect(bytesRead()).toBeLessThan(1024 * 1024);
    } finally {
      await file.close();
    }
  });
});
