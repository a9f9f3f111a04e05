import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import type { PushOutcome, PushSender, PushTarget } from '../../src/mdm/apns/index.js';
import { FileCaStore, issueDeviceIdentity, loadOrCreateEnrollmentCa, type DeviceIdentity, type EnrollmentCa } from '../../src/mdm/enrollment/index.js';
import { encodeCheckInMessage, encodeCommandResponse, type CommandResponseInput } from '../../src/mdm/protocol/index.js';
import type { Database } from '../../src/store/database.js';
import type { DialectName } from '../../src/store/database-url.js';
import { signCms, testPki } from '../../src/testkit/pki/index.js';
import { testClock, testConfig, type TestClock } from '../http/harness.js';
import { forEachDatabase } from '../store/harness.js';

/** A message input without its UDID, which the device fills in. */
type WithoutUdid<T> = T extends unknown ? Omit<T, 'udid'> : never;

export const TOPIC = 'com.apple.mgmt.External.provisio-test';
export const PUBLIC_URL = 'https://mdm.provisio.test';

/** Pushes recorded instead of sent; tokens listed in `invalidTokens` come back invalid. */
export class RecordingPushSender implements PushSender {
  readonly pushes: PushTarget[] = [];
  readonly invalidTokens = new Set<string>();

  push(targets: readonly PushTarget[]): Promise<PushOutcome[]> {
    this.pushes.push(...targets);
    return Promise.resolve(
      targets.map((target) =>
        this.invalidTokens.has(target.token)
          ? { status: 'invalid_token', target, reason: 'Unregistered', invalidSince: undefined, attempts: 1 }
          : { status: 'delivered', target, apnsId: undefined, attempts: 1 },
      ),
    );
  }
}

export interface MdmTestContext {
  readonly dialect: DialectName;
  readonly clock: TestClock;
  app(): FastifyInstance;
  database(): Database;
  dataDir(): string;
  /** The enrollment CA the server created in its data folder. */
  ca(): EnrollmentCa;
}

/**
 * Declares the suite once per database, each with one MDM server over a fresh database (public
 * URL https, the test PKI trusted for profiles, push sweep off) and `sender` for pushes.
 */
export function forEachMdmApp(suite: (context: MdmTestContext) => void, sender: () => PushSender): void {
  forEachDatabase((store) => {
    const clock = testClock();
    let app: FastifyInstance | undefined;
    let ca: EnrollmentCa | undefined;
    let dataDir = '';
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-mdm-'));
      const anchors = path.join(dataDir, 'test-root.pem');
      writeFileSync(anchors, testPki().root.pem);
      const flags = { publicUrl: PUBLIC_URL, trustAnchors: anchors, logLevel: 'silent', pushSweepSeconds: '0', mdmTopic: TOPIC };
      const config = testConfig(dataDir, flags);
      app = await buildApp({ config, database: store.database(), blobs: new FileBlobStore(dataDir), clock, pushSender: sender() });
      await app.ready();
      ca = await loadOrCreateEnrollmentCa(new FileCaStore(path.join(dataDir, 'mdm', 'enrollment-ca.pem')));
    });
    afterAll(async () => {
      await app?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    suite({
      dialect: store.dialect,
      clock,
      database: () => store.database(),
      dataDir: () => dataDir,
      app: () => defined(app),
      ca: () => defined(ca),
    });
  });
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('only available inside tests and hooks');
  return value;
}

/** A device as the server sees it: a UDID, and the identity it signs every message with. */
export class SignedDevice {
  constructor(
    readonly udid: string,
    readonly identity: DeviceIdentity,
    readonly token = Buffer.from(udid).toString('hex').slice(0, 64).padEnd(64, '0'),
  ) {}

  /** A fresh identity for OG `og`, issued by `ca` as an enrollment profile download would. */
  static async issue(ca: EnrollmentCa, og: { id: number; name: string }, udid: string): Promise<SignedDevice> {
    return new SignedDevice(udid, await issueDeviceIdentity(ca, { udidHint: udid, og }));
  }

  /** The Mdm-Signature header over `body`. */
  sign(body: Uint8Array): string {
    const signature = signCms(body, {
      signer: { certificate: this.identity.certificate, privateKey: this.identity.privateKey },
      chain: [],
      digest: 'sha256',
      encoding: 'der',
      detached: true,
    });
    return Buffer.from(signature).toString('base64');
  }

  send(app: FastifyInstance, endpoint: 'checkin' | 'connect', body: Uint8Array): Promise<LightMyRequestResponse> {
    return app.inject({
      method: 'PUT',
      url: `/mdm/${endpoint}`,
      headers: { 'content-type': 'application/x-apple-aspen-mdm', 'mdm-signature': this.sign(body) },
      payload: Buffer.from(body),
    });
  }

  /** Authenticate then TokenUpdate, as a device does when its enrollment profile installs. */
  async enroll(app: FastifyInstance): Promise<void> {
    for (const body of [
      encodeCheckInMessage({ messageType: 'Authenticate', udid: this.udid, topic: TOPIC, deviceName: `iPhone ${this.udid}` }),
      encodeCheckInMessage({ messageType: 'TokenUpdate', udid: this.udid, topic: TOPIC, token: Buffer.from(this.token, 'hex'), pushMagic: `magic-${this.udid}` }),
    ]) {
      const response = await this.send(app, 'checkin', body);
      if (response.statusCode !== 200) throw new Error(`check-in refused: ${response.statusCode} ${response.body}`);
    }
  }

  connect(app: FastifyInstance, input: WithoutUdid<CommandResponseInput>): Promise<LightMyRequestResponse> {
    return this.send(app, 'connect', encodeCommandResponse({ ...input, udid: this.udid }));
  }
}
