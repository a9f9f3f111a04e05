import type { IpaInspection } from '../../formats/ipa/index.js';
import type { ProvisioningProfile } from '../../formats/profile/index.js';
import type { CertificateSummary } from '../../formats/x509/index.js';
import { plistDictToJson } from '../../services/catalog/plist-json.js';
import type { InspectedFile } from '../../services/inspect.service.js';

/** The stable `--json` shape: camelCase fields other tools rely on; dates as ISO 8601 UTC. */
export function inspectedFileToJson(result: InspectedFile): Record<string, unknown> {
  switch (result.kind) {
    case 'profile':
      return { path: result.path, kind: 'profile', ...profileToJson(result.profile) };
    case 'ipa':
      return { path: result.path, kind: 'ipa', ...ipaToJson(result.ipa) };
    case 'error':
      return { path: result.path, kind: 'error', error: result.error };
  }
}

export function profileToJson(profile: ProvisioningProfile): Record<string, unknown> {
  return {
    name: profile.name,
    uuid: profile.uuid,
    teamId: profile.teamId,
    teamName: profile.teamName,
    appIdName: profile.appIdName,
    applicationIdentifier: profile.applicationIdentifier,
    bundleId: profile.bundleId,
    isWildcard: profile.isWildcard,
    platforms: profile.platforms,
    type: profile.type,
    creationDate: profile.creationDate.toISOString(),
    expirationDate: profile.expirationDate.toISOString(),
    provisionsAllDevices: profile.provisionsAllDevices,
    deviceCount: profile.devices.length,
    devices: profile.devices,
    getTaskAllow: profile.getTaskAllow,
    certificates: profile.certificates.map((certificate) => ({
      commonName: certificate.commonName,
      teamId: certificate.teamId,
      serial: certificate.serial,
      notAfter: certificate.notAfter.toISOString(),
      sha1: certificate.sha1,
    })),
    signature: {
      status: profile.signature.status,
      signer: profile.signature.signer ? certificateToJson(profile.signature.signer) : null,
      reason: profile.signature.reason,
    },
    entitlements: plistDictToJson(profile.entitlements),
  };
}

function ipaToJson(ipa: IpaInspection): Record<string, unknown> {
  return {
    bundleId: ipa.bundleId,
    shortVersion: ipa.shortVersion,
    version: ipa.version,
    displayName: ipa.displayName,
    minimumOsVersion: ipa.minimumOsVersion,
    infoPlistFormat: ipa.infoPlistFormat,
    profile: ipa.profile ? profileToJson(ipa.profile) : null,
    extensions: ipa.extensions.map((extension) => ({
      bundleId: extension.bundleId,
      profile: extension.profile ? profileToJson(extension.profile) : null,
      signingCertificate: extension.signingCertificate ? certificateToJson(extension.signingCertificate) : null,
    })),
    signingCertificate: ipa.signingCertificate ? certificateToJson(ipa.signingCertificate) : null,
    effectiveExpiry: ipa.effectiveExpiry?.toISOString() ?? null,
  };
}

function certificateToJson(certificate: CertificateSummary): Record<string, unknown> {
  return { commonName: certificate.commonName, sha1: certificate.sha1, notAfter: certificate.notAfter.toISOString() };
}
