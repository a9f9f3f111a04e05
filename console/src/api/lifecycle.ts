import { apiGet, apiSend, apiSendForm } from './client';
import type { PageQuery } from './catalog';
import type { Notice, Renewal, RenewalPlan, RolloutDevice, RolloutState, TimelineDay } from './lifecycle-types';
import type { Page } from './types';

/* Notices, the expiry timeline, renewal plans, renewals and their rollout. */

export function fetchNotices(signal?: AbortSignal): Promise<Notice[]> {
  return apiGet<Notice[]>('/notices', undefined, signal);
}

/** Hides a notice for the logged-in admin only. */
export function dismissNotice(id: number): Promise<void> {
  return apiSend<undefined>('POST', `/notices/${id}/dismiss`);
}

export function fetchTimeline(og: number, signal?: AbortSignal): Promise<TimelineDay[]> {
  return apiGet<TimelineDay[]>('/expiry/timeline', { og }, signal);
}

/** What a renewal asks for: the replacement file, and whether it covers every app sharing the profile. */
export interface RenewalInput {
  readonly profileId: number;
  readonly replacement: File;
  readonly applyToAllApps: boolean;
}

function renewalForm(input: RenewalInput): FormData {
  const form = new FormData();
  form.append('applyToAllApps', String(input.applyToAllApps));
  form.append('profile', input.replacement, input.replacement.name);
  return form;
}

/** The dry run: every check, and the plan when they pass. Nothing changes on the server. */
export function planRenewal(input: RenewalInput): Promise<RenewalPlan> {
  return apiSendForm<RenewalPlan>(`/profiles/${input.profileId}/renewals`, { dryRun: 'true' }, renewalForm(input));
}

/** Applies the renewal; sending the same file again answers the renewal already applied. */
export function applyRenewal(input: RenewalInput): Promise<Renewal> {
  return apiSendForm<Renewal>(`/profiles/${input.profileId}/renewals`, { dryRun: 'false' }, renewalForm(input));
}

/** Renewals newest first, of `og` and below (default: every group of the caller). */
export function fetchRenewals(query: { readonly og?: number; readonly state: 'active' | 'all' }, signal?: AbortSignal): Promise<Renewal[]> {
  return apiGet<Renewal[]>('/renewals', query, signal);
}

export function fetchRenewal(id: number, signal?: AbortSignal): Promise<Renewal> {
  return apiGet<Renewal>(`/renewals/${id}`, undefined, signal);
}

export function fetchRolloutDevices(id: number, query: { readonly state: RolloutState } & PageQuery, signal?: AbortSignal): Promise<Page<RolloutDevice>> {
  return apiGet<Page<RolloutDevice>>(`/renewals/${id}/devices`, query, signal);
}

/** Queues the failed devices again and pushes them. */
export function retryRenewal(id: number): Promise<Renewal> {
  return apiSend<Renewal>('POST', `/renewals/${id}/retry`);
}
