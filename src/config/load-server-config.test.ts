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
      expiry: { scanTime: '02:00', timeZone: 'UTC' },
      smtp: undefined,
    });
  });

  it('reads the expiry schedule and the mail server', () => {
    const env = { PROVISIO_EXPIRY_TIME_ZONE: 'Europe/Amsterdam', PROVISIO_SMTP_URL: 'smtps://alerts:secret@mail.example.com:465' };
    const config = loadServerConfig({ expiryScanTime: '06:30', alertFrom: 'Provisio <alerts@example.com>' }, env, CWD);
    expect(config.expiry).toEqual({ scanTime: '06:30', timeZone: 'Europe/Amsterdam' });
    expect(config.smtp).toEqual({ url: 'smtps://alerts:secret@mail.example.com:465', from: 'Provisio <alerts@example.com>' });
  });

  it('names a bad schedule or mail setting', () => {
    const problems = problemsOf(() =>
      loadServerConfig(
        { expiryScanTime: '24:00', expiryTimeZone: 'Mars/Olympus_Mons', smtpUrl: 'http://mail.example.com' },
        { PROVISIO_ALERT_FROM: 'not an address' },
        CWD,
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--expiry-scan-time: must be a time HH:MM/),
        expect.stringMatching(/^--expiry-time-zone: must be an IANA time zone name/),
        expect.stringMatching(/^--smtp-url: must be an smtp:\/\/ or smtps:\/\/ URL/),
        expect.stringMatching(/^PROVISIO_ALERT_FROM: must be an address/),
      ]),
    );
    expect(problems).toHaveLength(4);
    for (const time of ['2:00', '02:60', '0200', '12:00 pm']) {
      expect(problemsOf(() => loadServerConfig({ expiryScanTime: time }, {}, CWD))).toHaveLength(1);
    }
    expect(problemsOf(() => loadServerConfig({ expiryTimeZone: '+01:00' }, {}, CWD))).toHaveLength(1);
  });

  it('wants a From address with an SMTP server', () => {
    const problems = problemsOf(() => loadServerConfig({}, { PROVISIO_SMTP_URL: 'smtp://mail.example.com' }, CWD));
    expect(problems).toEqual(['--alert-from: is needed with PROVISIO_SMTP_URL, as the From address of email']);
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
