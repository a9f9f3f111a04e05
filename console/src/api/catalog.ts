import { apiGet, apiSend } from './client';
import type { Admin, App, AppDetail, AuditEntry, Device, DeviceDetail, OgTree, Page, Profile, ProfileDetail } from './types';

/*
 * The read endpoints the console pages use, and profile deletion. Uploads go through
 * `upload.ts` for progress reporting.
 */

export type AppSort = 'name' | 'expiry';

export type AppListQuery = {
  readonly og?: number;
  readonly search?: string;
  readonly expiringWithin?: number;
  readonly sort?: AppSort;
};

export type PageQuery = {
  readonly limit: number;
  readonly cursor?: string;
};

export function fetchOgTree(signal?: AbortSignal): Promise<OgTree> {
  return apiGet<OgTree>('/ogs/tree', undefined, signal);
}

export function fetchAdmins(signal?: AbortSignal): Promise<Page<Admin>> {
  return apiGet<Page<Admin>>('/admins', { limit: 500 }, signal);
}

export function fetchApps(query: AppListQuery & PageQuery, signal?: AbortSignal): Promise<Page<App>> {
  return apiGet<Page<App>>('/apps', query, signal);
}

export function fetchApp(id: number, signal?: AbortSignal): Promise<AppDetail> {
  return apiGet<AppDetail>(`/apps/${id}`, undefined, signal);
}

export type ProfileListQuery = {
  readonly og?: number;
  readonly search?: string;
  readonly expiringWithin?: number;
};

export function fetchProfiles(query: ProfileListQuery & PageQuery, signal?: AbortSignal): Promise<Page<Profile>> {
  return apiGet<Page<Profile>>('/profiles', query, signal);
}

export function fetchProfile(id: number, signal?: AbortSignal): Promise<ProfileDetail> {
  return apiGet<ProfileDetail>(`/profiles/${id}`, undefined, signal);
}

/** The address of a profile's signed file, for a plain download link. */
export function profileDownloadUrl(id: number): string {
  return `/api/v1/profiles/${id}/download`;
}

export function deleteProfile(id: number): Promise<void> {
  return apiSend<undefined>('DELETE', `/profiles/${id}`);
}

export type DeviceListQuery = {
  readonly og?: number;
  readonly search?: string;
};

export function fetchDevices(query: DeviceListQuery & PageQuery, signal?: AbortSignal): Promise<Page<Device>> {
  return apiGet<Page<Device>>('/devices', query, signal);
}

export function fetchDevice(id: number, signal?: AbortSignal): Promise<DeviceDetail> {
  return apiGet<DeviceDetail>(`/devices/${id}`, undefined, signal);
}

export type AuditListQuery = {
  readonly ogId?: number;
  readonly action?: string;
};

export function fetchAudit(query: AuditListQuery & PageQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return apiGet<Page<AuditEntry>>('/audit', query, signal);
}
