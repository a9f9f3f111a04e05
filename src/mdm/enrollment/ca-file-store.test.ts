import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEnrollmentCa } from './ca.js';
import { FileCaStore } from './ca-file-store.js';
import { loadOrCreateEnrollmentCa } from './ca-store.js';

const directory = mkdtempSync(join(tmpdir(), 'provisio-ca-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('FileCaStore with loadOrCreateEnrollmentCa', () => {
  it('creates the CA on first start, owner-readable only, and opens the same one afterwards', async () => {
    const path = join(directory, 'first', 'enrollment-ca.pem');
    const store = new FileCaStore(path);
    expect(await store.load()).toBeNull();
    const created = await loadOrCreateEnrollmentCa(store);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----[\s\S]+-----BEGIN CERTIFICATE-----/);
    const reopened = await loadOrCreateEnrollmentCa(new FileCaStore(path));
    expect(reopened.certificate.sha256).toBe(created.certificate.sha256);
  });

  it('never replaces a stored CA: the first one saved wins', async () => {
    const store = new FileCaStore(join(directory, 'race', 'enrollment-ca.pem'));
    const [first, second] = await Promise.all([createEnrollmentCa(), createEnrollmentCa()]);
    await Promise.all([store.save(first), store.save(second)]);
    const stored = await store.load();
    expect([first.certificatePem, second.certificatePem]).toContain(stored?.certificatePem);
    await store.save(first.certificatePem === stored?.certificatePem ? second : first);
    expect((await store.load())?.certificatePem).toBe(stored?.certificatePem);
  });

  it('reports a damaged file instead of making a new CA', async () => {
    const path = join(directory, 'damaged.pem');
    writeFileSync(path, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    await expect(loadOrCreateEnrollmentCa(new FileCaStore(path))).rejects.toMatchObject({ code: 'mdm.ca_invalid' });
    expect(readFileSync(path, 'utf8')).toContain('AAAA');
  });
});
