import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { loadServerConfig } from './load-server-config.js';

const CWD = '/srv/provisio';

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadServerConfig', () => {
  it('fills in defaults relative to the working directory', () => {
    const config = loadServerConfig({}, {}, CWD);
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/srv/provisio/data',
      databaseUrl: 'sqlite:/srv/provisio/data/provisio.db',
      publicBaseUrl: 'http://localhost:8080',
      adminPassword: undefined,
      uploadLimits: { ipaBytes: 4 * 1024 ** 3, profileBytes: 1024 ** 2 },
      trust: { extraAnchorsPem: undefined, allowUntrustedProfiles: false },
      trustProxy: false,
      logLevel: 'info',
      mdm: {
        topic: 'com.apple.mgmt.provisio.unconfigured',
        apnsOrigin: undefined,
        pushCertificateFile: undefined,
        pushKeyFile: undefined,
        clientCertificateHeader: undefined,
        queueRetentionDays: 30,
        pushSweepSeconds: 300,
      },
    });
  });

  it('reads the environment, and lets flags win over it', () => {
    const env = {
      PROVISIO_PORT: '9000',
      PROVISIO_DATA_DIR: '/var/lib/provisio',
      DATABASE_URL: 'postgres://provisio@db/provisio',
      PROVISIO_ADMIN_PASSWORD: 'correct horse',
      PROVISIO_MAX_IPA_SIZE: '2G',
      PROVISIO_ALLOW_UNTRUSTED_PROFILES: 'yes',
      PROVISIO_PUBLIC_URL: 'https://mdm.example.com/',
    };
    const config = loadServerConfig({ port: '9100', maxProfileSize: '256K' }, env, CWD);
    expect(config.port).toBe(9100);
    expect(config.dataDir).toBe('/var/lib/provisio');
    expect(config.databaseUrl).toBe('postgres://provisio@db/provisio');
    expect(config.adminPassword).toBe('correct horse');
    expect(config.uploadLimits).toEqual({ ipaBytes: 2 * 1024 ** 3, profileBytes: 256 * 1024 });
    expect(config.trust.allowUntrustedProfiles).toBe(true);
    expect(config.publicBaseUrl).toBe('https://mdm.example.com');
  });

  it('places the default SQLite file in the chosen data folder and resolves relative SQLite URLs', () => {
    expect(loadServerConfig({ dataDir: 'state' }, {}, CWD).databaseUrl).toBe('sqlite:/srv/provisio/state/provisio.db');
    expect(loadServerConfig({ database: 'sqlite:db/p.db' }, {}, CWD).databaseUrl).toBe('sqlite:/srv/provisio/db/p.db');
    expect(loadServerConfig({ database: 'sqlite::memory:' }, {}, CWD).databaseUrl).toBe('sqlite::memory:');
  });

  it('treats an empty environment variable as unset', () => {
    expect(loadServerConfig({}, { PROVISIO_PORT: '' }, CWD).port).toBe(8080);
  });

  it('takes a bare boolean flag as true', () => {
    expect(loadServerConfig({ trustProxy: true }, {}, CWD).trustProxy).toBe(true);
  });

  it('names the flag or variable of every bad value at once', () => {
    const problems = problemsOf(() =>
      loadServerConfig(
        { port: '80000', database: 'mysql://db' },
        { PROVISIO_MAX_IPA_SIZE: 'huge', PROVISIO_LOG_LEVEL: 'loud', PROVISIO_TRUST_PROXY: 'maybe' },
        CWD,
      ),
    );
    expect(problems).toHaveLength(5);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--port: must be a whole number/),
        expect.stringMatching(/^--database: must start with postgres:\/\//),
        expect.stringMatching(/^PROVISIO_MAX_IPA_SIZE: must be a size/),
        expect.stringMatching(/^PROVISIO_LOG_LEVEL: must be one of fatal/),
        expect.stringMatching(/^PROVISIO_TRUST_PROXY: must be true or false/),
      ]),
    );
  });

  it('refuses a short admin password without echoing it', () => {
    const problems = problemsOf(() => loadServerConfig({}, { PROVISIO_ADMIN_PASSWORD: 'hunter2' }, CWD));
    expect(problems).toEqual(['PROVISIO_ADMIN_PASSWORD: must be at least 8 characters']);
  });

  it('refuses a public URL that is not a plain http(s) base', () => {
    const problems = problemsOf(() => loadServerConfig({ publicUrl: 'ftp://files.example' }, {}, CWD));
    expect(problems).toEqual([expect.stringMatching(/^--public-url: /)]);
  });

  it('reads extra trust anchors from a PEM file and refuses a file without certificates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-config-'));
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    writeFileSync(join(dir, 'roots.pem'), pem);
    writeFileSync(join(dir, 'empty.pem'), 'nothing here');
    expect(loadServerConfig({ trustAnchors: 'roots.pem' }, {}, dir).trust.extraAnchorsPem).toBe(pem);
    expect(problemsOf(() => loadServerConfig({}, { PROVISIO_TRUST_ANCHORS: 'empty.pem' }, dir))).toEqual([
      expect.stringMatching(/^PROVISIO_TRUST_ANCHORS: .*holds no PEM certificate/),
    ]);
    expect(problemsOf(() => loadServerConfig({ trustAnchors: 'missing.pem' }, {}, dir))).toEqual([
      expect.stringMatching(/^--trust-anchors: cannot read/),
    ]);
  });

  it('returns a deeply frozen object', () => {
    const config = loadServerConfig({}, {}, CWD);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.uploadLimits)).toBe(true);
    expect(Object.isFrozen(config.trust)).toBe(true);
  });
});
