import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../src/io/blob-store.js';
import type { Caller } from '../../src/services/auth/actor.js';
import { systemClock } from '../../src/services/auth/clock.js';
import { createCatalogServices } from '../../src/services/catalog/index.js';
import type { Database } from '../../src/store/database.js';
import type { Repositories } from '../../src/store/repositories.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { createAdmin, createOg } from '../http/fixtures.js';
import { forEachDatabase } from '../store/harness.js';
import { NOTHING_STORED, appFixture, catalogRows, codeSigner, uniqueBundleId, profileFor } from './fixtures.js';

/** Repositories whose one chosen write fails, to break a transaction halfway. */
type Sabotage = (repositories: Repositories) => Repositories;

/** The certificate upsert (the first insert of an upload) writes, then the transaction fails. */
const failAfterFirstInsert: Sabotage = (repositories) => {
  const certificates = Object.create(repositories.certificates) as Repositories['certificates'];
  certificates.upsert = async (...args) => {
    await repositories.certificates.upsert(...args);
    throw new Error('connection lost after the first insert');
  };
  return { ...repositories, certificates };
};

/** Everything is written; the audit entry, the last write, fails. */
const failAtAudit: Sabotage = (repositories) => {
  const audit = Object.create(repositories.audit) as Repositories['audit'];
  audit.append = () => Promise.reject(new Error('audit log unavailable'));
  return { ...repositories, audit };
};

const noSabotage: Sabotage = (repositories) => repositories;

forEachDatabase((context) => {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'provisio-atomicity-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function servicesWith(sabotage: Sabotage) {
    const database = context.database();
    const sabotaged: Pick<Database, 'repositories' | 'transaction'> = {
      repositories: database.repositories,
      transaction: (work) => database.transaction((repositories) => work(sabotage(repositories))),
    };
    const trust = { anchors: testPki().trustAnchors(), remember: () => Promise.resolve(), allowUntrustedProfiles: false };
    return createCatalogServices({ database: sabotaged, blobs: new FileBlobStore(folder), clock: systemClock, trust });
  }

  async function callerInNewOg(): Promise<Caller> {
    const database = context.database();
    const og = await createOg(database);
    const admin = await createAdmin(database, og.id, 'app-admin');
    const scope = await database.repositories.ogs.scopeFor(og.id);
    if (scope === undefined) throw new Error('the OG vanished');
    const actor = { kind: 'admin', id: admin.id, name: admin.username, role: admin.role, homeOg: og.id, scope } as const;
    return { actor, remoteAddress: '192.0.2.1' };
  }

  async function appWithExtension(): Promise<string> {
    const signer = codeSigner();
    const bundleId = uniqueBundleId();
    const widget = profileFor({ bundleId: `${bundleId}.widget`, signer });
    const extensions = [{ name: 'Widget', bundleId: `${bundleId}.widget`, profile: widget.bytes, signer }];
    const fixture = await appFixture({ bundleId, signer, extensions });
    const file = path.join(folder, `${bundleId}.ipa`);
    writeFileSync(file, fixture.ipa);
    return file;
  }

  describe('an app upload is all or nothing', () => {
    it.each([
      ['after the first insert', failAfterFirstInsert],
      ['at the audit entry, the last write', failAtAudit],
    ])('leaves no row behind when the transaction fails %s', async (_when, sabotage) => {
      const caller = await callerInNewOg();
      const request = { ogId: caller.actor.homeOg, ipaPath: await appWithExtension(), limitedDevices: false };
      const upload = servicesWith(sabotage).appUploads.uploadApp(caller, request);
      await expect(upload).rejects.toThrow(/after the first insert|audit log unavailable/);
      expect(await catalogRows(context.database(), caller.actor.homeOg)).toEqual(NOTHING_STORED);
    });

    it('stores every row when nothing fails (so the checks above can fail)', async () => {
      const caller = await callerInNewOg();
      const request = { ogId: caller.actor.homeOg, ipaPath: await appWithExtension(), limitedDevices: false };
      await servicesWith(noSabotage).appUploads.uploadApp(caller, request);
      const rows = await catalogRows(context.database(), caller.actor.homeOg);
      expect(rows).toEqual({ apps: 1, appVersions: 1, bundles: 2, profiles: 2, certificates: 1, auditEntries: 1 });
    });
  });

  describe('a profile upload is all or nothing', () => {
    it('leaves no row behind when the audit entry fails', async () => {
      const caller = await callerInNewOg();
      const file = path.join(folder, 'alone.mobileprovision');
      writeFileSync(file, profileFor({ bundleId: uniqueBundleId() }).bytes);
      const upload = servicesWith(failAtAudit).profileUploads.uploadProfile(caller, { ogId: caller.actor.homeOg, profilePath: file });
      await expect(upload).rejects.toThrow('audit log unavailable');
      expect(await catalogRows(context.database(), caller.actor.homeOg)).toEqual(NOTHING_STORED);
    });
  });
});
