import type { z } from 'zod';
import type { renewalPlanSchema } from '../../http/routes/lifecycle.dto.js';
import type { renewalSchema, rolloutDeviceSchema } from '../../http/routes/renewal.dto.js';
import { dayOf } from '../client/expiry-labels.js';

export type RenewalDto = z.output<typeof renewalSchema>;
export type RenewalPlanDto = z.output<typeof renewalPlanSchema>;
export type RolloutDeviceDto = z.output<typeof rolloutDeviceSchema>;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** One line of progress: "150/200 installed (75%): 30 pending, 15 waiting for unlock, 5 failed". */
export function rolloutLine(renewal: RenewalDto): string {
  const { rollout } = renewal;
  const state = rollout.complete ? 'complete' : `${rollout.pending} pending, ${rollout.waitingUnlock} waiting for unlock, ${rollout.failed} failed`;
  return `${rollout.installed}/${rollout.total} installed (${rollout.percent}%), old profile removed from ${rollout.oldRemoved}: ${state}`;
}

/** A renewal and its rollout, for `rollouts show` and after `profiles renew`. */
export function renewalText(renewal: RenewalDto, failed: readonly RolloutDeviceDto[] = []): string {
  const lines = [
    `renewal ${renewal.id}: ${renewal.oldProfile.name} (${renewal.oldProfile.uuid}) -> ${renewal.newProfile.name} (${renewal.newProfile.uuid})`,
    `expiry: ${dayOf(renewal.oldProfile.expirationDate)} -> ${dayOf(renewal.newProfile.expirationDate)}`,
    `apps: ${renewal.apps.map((app) => app.name).join(', ')}`,
    `applied: ${renewal.createdAt}${renewal.createdBy === null ? '' : ` by ${renewal.createdBy}`}`,
    `rollout: ${rolloutLine(renewal)}`,
  ];
  for (const device of failed) {
    const reason = device.errors.map((error) => `${error.domain} ${error.code}${error.description === null ? '' : `: ${error.description}`}`).join('; ');
    lines.push(`  failed: ${device.name ?? device.udid} (${device.udid})${reason === '' ? '' : ` ${reason}`}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The dry run's plan: what would change, nothing changed. */
export function planText(plan: RenewalPlanDto): string {
  const { diff } = plan;
  const lines = [
    `renewal plan for ${plan.profile.name} (${plan.profile.uuid}) -> ${plan.replacement.name} (${plan.replacement.uuid})`,
    `expiry: ${dayOf(diff.expiry.from)} -> ${dayOf(diff.expiry.to)} (+${diff.expiry.gainedDays} days)`,
    `apps sharing the profile: ${plan.sharedByApps}`,
    ...plan.apps.map((app) => `  ${app.name} (${app.bundleIds.join(', ')}): ${plural(app.devices, 'device')}`),
    `devices to receive the new profile: ${plan.devices}`,
  ];
  if (diff.certificatesAdded.length > 0) lines.push(`certificates added: ${diff.certificatesAdded.map((certificate) => certificate.commonName ?? certificate.sha256).join(', ')}`);
  if (diff.certificatesRemoved.length > 0) lines.push(`certificates removed: ${diff.certificatesRemoved.map((certificate) => certificate.commonName ?? certificate.sha256).join(', ')}`);
  for (const change of diff.entitlementsChanged) lines.push(`entitlement ${change.key}: ${change.change}`);
  if (diff.devicesAdded.length + diff.devicesRemoved.length > 0) {
    lines.push(`provisioned devices: ${diff.devicesAdded.length} added, ${diff.devicesRemoved.length} removed`);
  }
  lines.push('dry run: nothing changed');
  return `${lines.join('\n')}\n`;
}
