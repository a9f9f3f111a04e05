import { z } from 'zod';
import type { AuditActor, AuditEntry } from '../../domain/model.js';
import type { AuditQuery } from '../../services/audit/audit.service.js';
import { idSchema, pageQueryShape, timestampSchema } from '../schemas.js';

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    actor: z.object({ kind: z.enum(['admin', 'token', 'system']), id: z.number().int().nullable() }),
    action: z.string().describe('`<object type>.<verb>`, e.g. `og.create`.'),
    objectType: z.string().nullable(),
    objectId: z.number().int().nullable(),
    ogId: z.number().int(),
    remoteAddress: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    at: timestampSchema,
  })
  .meta({ id: 'AuditEntry' });

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

const actorSchema = z
  .string()
  .regex(/^(system|(admin|token):[1-9]\d{0,14})$/, 'must be system, admin:<id> or token:<id>')
  .transform((text): AuditActor => {
    const [kind, id] = text.split(':');
    return kind === 'admin' || kind === 'token' ? { kind, id: Number(id) } : { kind: 'system' };
  });

export const auditListQuery = z.object({
  ogId: idSchema.optional().describe('Only entries of this group and the groups below it.'),
  actor: actorSchema.optional().describe('`system`, `admin:<id>` or `token:<id>`.'),
  action: z.string().max(100).optional(),
  objectType: z.string().max(100).optional(),
  objectId: idSchema.optional(),
  since: instant.optional().describe('Entries at or after this time.'),
  until: instant.optional().describe('Entries before this time.'),
  ...pageQueryShape,
});

/** The service query for validated query parameters. */
export function toAuditQuery(query: z.output<typeof auditListQuery>): AuditQuery {
  const { ogId, actor, action, objectType, objectId, since, until } = query;
  return { ogId, actor, action, objectType, objectId, since, until };
}

export function presentAuditEntry(entry: AuditEntry): z.output<typeof auditEntrySchema> {
  return {
    id: entry.id,
    actor: { kind: entry.actor.kind, id: entry.actor.kind === 'system' ? null : entry.actor.id },
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    ogId: entry.ogId,
    remoteAddress: entry.remoteAddress ?? null,
    details: entry.details ?? null,
    at: entry.at.toISOString(),
  };
}
