import { randomBytes, randomUUID } from 'node:crypto';
import { TrustAnchors } from '../formats/cms/index.js';
import { parseCommand, type DecodedCommand } from '../mdm/commands/index.js';
import { encodeCheckInMessage, encodeCommandResponse, type CheckInInput, type CommandResponseInput } from '../mdm/protocol/index.js';
import { AppStore } from './app-store.js';
import { BodySigner } from './body-signer.js';
import { answerCommand, type AnsweringDevice } from './command-answers.js';
import { DeliveryStats } from './delivery-stats.js';
import type { DeviceFacts } from './device-facts.js';
import { readEnrollmentProfile, type EnrollmentSettings } from './enrollment-settings.js';
import { SimulatorError } from './errors.js';
import type { DeviceTransport, HttpExchange, HttpReply } from './http-transport.js';
import { ProfileStore } from './profile-store.js';
import { pointAt } from './server-address.js';
import { peekCommand } from './command-peek.js';

export interface VirtualDeviceOptions {
  readonly facts: DeviceFacts;
  readonly transport: DeviceTransport;
  /** Where the server really listens; URLs on the origin the profile advertises are re-pointed there (see `pointAt`). */
  readonly serverOrigin?: string;
  /** Share of connections during which the device is locked (0 … 1); default 0. */
  readonly lockedRatio?: number;
  /** Default `Math.random`; tests pass a fixed sequence. */
  readonly random?: () => number;
  /** Anchors delivered profiles must chain to; default: any intact signature (see ProfileStore). */
  readonly profileTrust?: TrustAnchors;
  /** Supervised devices install apps without asking the user; default false, like most fleets. */
  readonly supervised?: boolean;
  /** Download the .ipa of InstallApplication and install its embedded profiles; default true. */
  readonly downloadApps?: boolean;
  /** Counters to add to (a fleet shares one); default a private one. */
  readonly stats?: DeliveryStats;
  readonly now?: () => Date;
  /**
   * Prove identity the way devices behind a TLS-terminating proxy do: the proxy checked the
   * client certificate and forwards it in this header (base64 DER), and bodies go unsigned.
   * Default: sign every body (`Mdm-Signature`), as the enrollment profile asks.
   */
  readonly forwardedCertificateHeader?: string;
  /**
   * Run the Provisio agent app: after each connection, collect the notices waiting for the user
   * (`PUT /mdm/notices`) and show them with {@link VirtualDevice.notify}. Default false, as iOS
   * itself does nothing of the kind.
   */
  readonly collectNotices?: boolean;
}

/** A notice the device showed its user (profile about to expire, ...). */
export interface UserNotice {
  readonly at: Date;
  readonly text: string;
}

/** How one connection went. */
export interface ConnectionOutcome {
  readonly locked: boolean;
  readonly commands: number;
  readonly notNow: number;
  /** False when a request failed; the device tries again on its next wake. */
  readonly completed: boolean;
}

const CHECKIN_TYPE = 'application/x-apple-aspen-mdm-checkin';
const CONNECT_TYPE = 'application/x-apple-aspen-mdm';
/** Where the agent collects user notices, on the MDM server's origin. */
const NOTICES_PATH = '/mdm/notices';
/** A connection that goes on longer than this is a server loop, not a queue. */
const MAX_COMMANDS_PER_CONNECTION = 10_000;

/**
 * An iPhone enrolled in MDM, speaking the protocol over HTTP like iOS does: Authenticate and
 * TokenUpdate at enrollment; on every wake (a push) one connection that starts with Idle and
 * answers each command until the server has none left. Every body is signed with the identity
 * from the enrollment profile. It keeps provisioning profiles and apps, answers NotNow to
 * installs while locked, and cannot open an app without a valid profile.
 */
export class VirtualDevice {
  readonly facts: DeviceFacts;
  readonly profiles: ProfileStore;
  readonly apps = new AppStore();
  readonly stats: DeliveryStats;
  /** Questions put to the user (there must be none for a silent profile install). */
  readonly prompts: string[] = [];
  /** Notices shown to the user. */
  readonly notices: UserNotice[] = [];
  /** RequestTypes the device did not understand, answered CommandFormatError. */
  readonly unknownCommands: string[] = [];
  /** True after a NotNow: iOS connects again by itself once unlocked. */
  wantsToConnect = false;

  readonly #options: VirtualDeviceOptions;
  readonly #now: () => Date;
  #lockOverride: boolean | undefined;
  #checkedIn = false;
  #enrollment: { readonly settings: EnrollmentSettings; readonly signer: BodySigner; readonly address: (url: string) => string } | undefined;

  constructor(options: VirtualDeviceOptions) {
    this.#options = options;
    this.facts = options.facts;
    this.profiles = new ProfileStore(options.profileTrust);
    this.stats = options.stats ?? new DeliveryStats();
    this.#now = options.now ?? (() => new Date());
  }

  get udid(): string {
    return this.facts.udid;
  }

  /** True once Authenticate and TokenUpdate were both accepted. */
  get enrolled(): boolean {
    return this.#checkedIn;
  }

  /** Holds the device locked (`true`), unlocked (`false`), or back to the random share (`undefined`). */
  setLocked(locked: boolean | undefined): void {
    this.#lockOverride = locked;
  }

  /** Installs the enrollment profile: opens its identity, then Authenticate and TokenUpdate. */
  async enroll(mobileconfig: Uint8Array): Promise<void> {
    const settings = readEnrollmentProfile(mobileconfig);
    this.#enrollment = { settings, signer: new BodySigner(settings.identity), address: pointAt(settings.serverUrl, this.#options.serverOrigin) };
    const { udid } = this.facts;
    const { topic } = settings;
    await this.#checkIn({ messageType: 'Authenticate', udid, topic, ...this.#describeSelf() });
    await this.#checkIn({ messageType: 'TokenUpdate', udid, topic, token: randomBytes(32), pushMagic: randomUUID().toUpperCase() });
    this.#checkedIn = true;
  }

  /** Tells the server the device leaves management (the MDM profile was removed). */
  async checkOut(): Promise<void> {
    const { topic } = this.#enrolled().settings;
    await this.#checkIn({ messageType: 'CheckOut', udid: this.udid, topic });
  }

  /** A push arrived: one connection, answering commands until the server has none. */
  async wake(): Promise<ConnectionOutcome> {
    const locked = this.#lockOverride ?? (this.#options.random ?? Math.random)() < (this.#options.lockedRatio ?? 0);
    this.wantsToConnect = false;
    this.stats.connections++;
    const declined = new Set<string>();
    let response: CommandResponseInput = { udid: this.udid, status: 'Idle' };
    for (let commands = 0; commands <= MAX_COMMANDS_PER_CONNECTION; commands++) {
      const reply = await this.#connect(response);
      if (!reply) {
        this.wantsToConnect = true;
        return { locked, commands, notNow: declined.size, completed: false };
      }
      if (isEmpty(reply.body)) {
        if (this.#options.collectNotices === true) await this.#collectNotices();
        return { locked, commands, notNow: declined.size, completed: true };
      }
      const command = this.#read(reply.body);
      if (typeof command === 'string') {
        response = { udid: this.udid, status: 'CommandFormatError', commandUuid: command };
        continue;
      }
      if (declined.has(command.commandUuid)) this.stats.repeatedAfterNotNow++;
      const answer = await answerCommand(this.#answering(locked), command);
      this.#count(answer.status);
      if (answer.status === 'NotNow') declined.add(command.commandUuid);
      response = answer;
    }
    this.stats.errors++;
    return { locked, commands: MAX_COMMANDS_PER_CONNECTION, notNow: declined.size, completed: false };
  }

  /** Whether the user can open the app now: it is installed and a valid profile covers it. */
  canOpen(bundleId: string, now: Date = this.#now()): boolean {
    return this.apps.get(bundleId) !== undefined && this.profiles.covers(bundleId, now);
  }

  /** Shows the user a notice (the channel Provisio uses for expiry warnings). */
  notify(text: string): void {
    this.notices.push({ at: this.#now(), text });
  }

  #describeSelf() {
    const { serialNumber, deviceName, model, modelName, productName, osVersion, buildVersion } = this.facts;
    return { serialNumber, deviceName, model, modelName, productName, osVersion, buildVersion };
  }

  #enrolled() {
    if (!this.#enrollment) throw new SimulatorError('simulator.not_enrolled', `device ${this.udid} is not enrolled`);
    return this.#enrollment;
  }

  async #checkIn(message: CheckInInput): Promise<void> {
    const { settings } = this.#enrolled();
    const reply = await this.#put(settings.checkInUrl, encodeCheckInMessage(message), CHECKIN_TYPE);
    if (reply.status < 200 || reply.status > 299) {
      this.stats.errors++;
      throw new SimulatorError('simulator.server_refused', `${message.messageType} for ${this.udid}: HTTP ${reply.status} ${preview(reply.body)}`);
    }
  }

  /** One connect round trip; `undefined` (counted as an error) when it failed. */
  async #connect(response: CommandResponseInput): Promise<HttpReply | undefined> {
    const { settings } = this.#enrolled();
    try {
      const request = await this.#signedPut(settings.serverUrl, encodeCommandResponse(response), CONNECT_TYPE);
      // The server's part: from sending the signed request to its answer.
      const started = performance.now();
      const reply = await this.#options.transport.send(request);
      this.stats.latency.record(performance.now() - started);
      if (reply.status >= 200 && reply.status <= 299) return reply;
    } catch {
      // Counted below; a real device retries on its next wake as well.
    }
    this.stats.errors++;
    return undefined;
  }

  /** The agent's round trip: the notices not shown yet, each shown once; a failure counts as an error. */
  async #collectNotices(): Promise<void> {
    const url = new URL(NOTICES_PATH, this.#enrolled().settings.serverUrl).href;
    try {
      const reply = await this.#put(url, Buffer.from(JSON.stringify({ udid: this.udid })), 'application/json');
      if (reply.status < 200 || reply.status > 299) throw new Error(`HTTP ${reply.status}`);
      for (const text of noticeTexts(reply.body)) this.notify(text);
    } catch {
      this.stats.errors++;
    }
  }

  async #put(advertisedUrl: string, body: Uint8Array, contentType: string): Promise<HttpReply> {
    return this.#options.transport.send(await this.#signedPut(advertisedUrl, body, contentType));
  }

  /** The PUT as the device sends it: its body signed, or its certificate for the proxy to forward. */
  async #signedPut(advertisedUrl: string, body: Uint8Array, contentType: string): Promise<HttpExchange> {
    const { signer, settings, address } = this.#enrolled();
    const headers: Record<string, string> = { 'content-type': contentType, 'user-agent': 'MDM/1.0' };
    const forwarded = this.#options.forwardedCertificateHeader;
    if (forwarded) headers[forwarded] = Buffer.from(settings.identity.certificate).toString('base64');
    else if (settings.signMessages) headers['mdm-signature'] = await signer.header(body, this.#now());
    return { method: 'PUT', url: address(advertisedUrl), headers, body };
  }

  /** The command, or its CommandUUID (maybe empty) when the device cannot read it. */
  #read(body: Uint8Array): DecodedCommand | string {
    try {
      return parseCommand(body);
    } catch {
      const { requestType, commandUuid } = peekCommand(body);
      this.unknownCommands.push(requestType);
      this.stats.commandsReceived++;
      this.stats.commandsFailed++;
      return commandUuid;
    }
  }

  #count(status: Exclude<CommandResponseInput['status'], 'Idle'>): void {
    this.stats.commandsReceived++;
    if (status === 'Acknowledged') this.stats.commandsAcknowledged++;
    else if (status === 'NotNow') {
      this.stats.notNow++;
      this.wantsToConnect = true;
    } else this.stats.commandsFailed++;
  }

  #answering(locked: boolean): AnsweringDevice {
    return {
      facts: this.facts,
      profiles: this.profiles,
      apps: this.apps,
      supervised: this.#options.supervised ?? false,
      downloadApps: this.#options.downloadApps ?? true,
      profileTrust: this.#options.profileTrust ?? TrustAnchors.empty(),
      locked,
      download: (url) => this.#download(url),
      prompt: (text) => this.prompts.push(text),
    };
  }

  async #download(advertisedUrl: string): Promise<Uint8Array> {
    const reply = await this.#options.transport.send({ method: 'GET', url: this.#enrolled().address(advertisedUrl) });
    if (reply.status < 200 || reply.status > 299) throw new Error(`HTTP ${reply.status}`);
    return reply.body;
  }
}

/** The texts of a `{"notices": [{"message": …}]}` reply; throws on anything else. */
function noticeTexts(body: Uint8Array): string[] {
  const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as { notices?: unknown };
  if (!Array.isArray(parsed.notices)) throw new Error('not a notice list');
  return parsed.notices.map((notice: unknown) => {
    const message = typeof notice === 'object' && notice !== null ? (notice as { message?: unknown }).message : undefined;
    if (typeof message !== 'string') throw new Error('a notice without a message');
    return message;
  });
}

function isEmpty(body: Uint8Array): boolean {
  return body.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09);
}

function preview(body: Uint8Array): string {
  return Buffer.from(body.subarray(0, 200)).toString('utf8');
}
