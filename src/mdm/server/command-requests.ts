import { buffer } from 'node:stream/consumers';
import { notFound } from '../../http/errors.js';
import type { BlobStore } from '../../io/blob-store.js';
import type { Database } from '../../store/database.js';
import type { Scope } from '../../store/scope.js';
import { buildCommand, INVENTORY_QUERIES, type BuiltCommand } from '../commands/index.js';

/** A command as the admin API asks for it: by RequestType, with store ids instead of bytes. */
export type CommandRequest =
  | { readonly requestType: 'ProvisioningProfileList'; readonly managedOnly?: boolean }
  | { readonly requestType: 'InstalledApplicationList'; readonly identifiers?: readonly string[]; readonly managedAppsOnly?: boolean }
  | { readonly requestType: 'ManagedApplicationList'; readonly identifiers?: readonly string[] }
  | { readonly requestType: 'DeviceInformation'; readonly queries?: readonly string[] }
  | { readonly requestType: 'RemoveProvisioningProfile'; readonly uuid: string }
  | { readonly requestType: 'InstallProvisioningProfile'; readonly profileId: number };

/** Turns API command requests into command plists, reading signed profiles from the blob store. */
export class CommandBuilder {
  constructor(private readonly deps: { readonly database: Pick<Database, 'repositories'>; readonly blobs: BlobStore }) {}

  async build(scope: Scope, request: CommandRequest): Promise<BuiltCommand> {
    switch (request.requestType) {
      case 'ProvisioningProfileList':
        return buildCommand(request.requestType, { managedOnly: request.managedOnly });
      case 'InstalledApplicationList':
        return buildCommand(request.requestType, { identifiers: request.identifiers, managedAppsOnly: request.managedAppsOnly });
      case 'ManagedApplicationList':
        return buildCommand(request.requestType, { identifiers: request.identifiers });
      case 'DeviceInformation':
        return buildCommand(request.requestType, { queries: request.queries ?? INVENTORY_QUERIES });
      case 'RemoveProvisioningProfile':
        return buildCommand(request.requestType, { uuid: request.uuid });
      case 'InstallProvisioningProfile':
        return buildCommand(request.requestType, { profile: await this.signedProfile(scope, request.profileId) });
    }
  }

  /** The profile's signed bytes from the blob store: devices install the CMS, never the plist. */
  async signedProfile(scope: Scope, profileId: number): Promise<Uint8Array> {
    const profile = await this.deps.database.repositories.profiles.get(scope, profileId);
    const stream = profile === undefined ? undefined : await this.deps.blobs.open(profile.blobSha256);
    if (stream === undefined) throw notFound('provisioning profile');
    return new Uint8Array(await buffer(stream));
  }
}
