import { randomUUID } from 'node:crypto';
import { writeXmlPlist, type PlistDict } from '../../formats/plist/index.js';
import { MdmProtocolError, httpsUrl, nonEmpty, plistDict } from '../protocol/index.js';
import type { OgRef } from './device-identity.js';

/** Every access right (1 … 4096 OR-ed): inspect and manage profiles, provisioning profiles and apps. */
export const ALL_ACCESS_RIGHTS = 8191;

/** What an enrollment profile says. */
export interface EnrollmentProfileInput {
  /** Where the device fetches commands (`PUT /mdm/connect`). */
  readonly serverUrl: string;
  /** Where it checks in (`PUT /mdm/checkin`). */
  readonly checkInUrl: string;
  /** The MDM push certificate's topic, `com.apple.mgmt.…`. */
  readonly topic: string;
  /** The device identity as PKCS #12 bytes, and their password. */
  readonly identity: { readonly pkcs12: Uint8Array; readonly password: string };
  readonly og: OgRef;
  /** Shown to the user when installing. */
  readonly name: string;
  readonly description?: string;
  /** Reverse-DNS prefix of the payload identifiers; default `com.provisio.enrollment`. */
  readonly identifierPrefix?: string;
  /**
   * `ServerCapabilities`; none by default. `com.apple.mdm.per-user-connections` would make
   * Macs and Shared iPads open user channels, which Provisio does not manage.
   */
  readonly serverCapabilities?: readonly string[];
  /** Payload UUIDs; random by default. */
  readonly newUuid?: () => string;
}

const MDM_TOPIC_PREFIX = 'com.apple.mgmt.';
const UTF8 = new TextEncoder();

/**
 * An unsigned .mobileconfig (XML) with two payloads: the device identity
 * (`com.apple.security.pkcs12`) and the MDM payload pointing at it, asking for signed messages
 * (`SignMessage`) and a CheckOut on removal. Throws `mdm.invalid_argument` for a non-https URL,
 * a topic outside `com.apple.mgmt.` or an empty name.
 */
export function buildEnrollmentProfile(input: EnrollmentProfileInput): Uint8Array {
  const newUuid = input.newUuid ?? (() => randomUUID().toUpperCase());
  const prefix = `${input.identifierPrefix ?? 'com.provisio.enrollment'}.og-${input.og.id}`;
  const identityUuid = newUuid();
  const identity = payload('com.apple.security.pkcs12', `${prefix}.identity`, identityUuid, 'Device identity', {
    PayloadContent: input.identity.pkcs12,
    Password: input.identity.password,
    PayloadCertificateFileName: 'device-identity.p12',
  });
  const mdm = payload('com.apple.mdm', `${prefix}.mdm`, newUuid(), 'Device management', {
    ServerURL: httpsUrl(input.serverUrl, 'ServerURL'),
    CheckInURL: httpsUrl(input.checkInUrl, 'CheckInURL'),
    Topic: mdmTopic(input.topic),
    IdentityCertificateUUID: identityUuid,
    AccessRights: ALL_ACCESS_RIGHTS,
    SignMessage: true,
    CheckOutWhenRemoved: true,
    ServerCapabilities: [...(input.serverCapabilities ?? [])],
  });
  const profile = plistDict({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: prefix,
    PayloadUUID: newUuid(),
    PayloadDisplayName: nonEmpty(input.name, 'the profile name'),
    PayloadOrganization: input.og.name || undefined,
    PayloadDescription: input.description,
    PayloadRemovalDisallowed: false,
    PayloadContent: [identity, mdm],
  });
  return UTF8.encode(writeXmlPlist(profile));
}

function payload(type: string, identifier: string, uuid: string, displayName: string, content: PlistDict): PlistDict {
  return {
    ...content,
    PayloadType: type,
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: uuid,
    PayloadDisplayName: displayName,
  };
}

function mdmTopic(topic: string): string {
  if (!topic.startsWith(MDM_TOPIC_PREFIX) || topic.length === MDM_TOPIC_PREFIX.length) {
    throw new MdmProtocolError('mdm.invalid_argument', `the MDM topic must start with ${MDM_TOPIC_PREFIX}, got "${topic.slice(0, 60)}"`);
  }
  return topic;
}
