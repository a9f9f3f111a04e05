import { z } from 'zod';
import type { ApiToken } from '../../domain/model.js';
import type { CreatedToken } from '../../services/auth/token.service.js';
import { bodyIdSchema, isoOrNull, nameSchema, pageQueryShape, roleSchema, timestampSchema } from '../schemas.js';

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    ogId: z.number().int(),
    role: roleSchema,
    createdBy: z.number().int().nullable(),
    createdAt: timestampSchema,
    lastUsedAt: timestampSchema.nullable(),
    revokedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const newTokenBody = z.object({
  name: nameSchema,
  role: roleSchema.describe("At most the creator's own role."),
  ogId: bodyIdSchema.optional().describe("The group the token acts in; the creator's home group by default."),
});

export const createdTokenSchema = z.object({
  token: tokenSchema,
  secret: z.string().describe('The bearer token, `prv_…`. Shown only in this response; store it now.'),
});

export const tokenListQuery = z.object({
  includeRevoked: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  ...pageQueryShape,
});

export function presentToken(token: ApiToken): z.output<typeof tokenSchema> {
  return {
    id: token.id,
    name: token.name,
    ogId: token.ogId,
    role: token.role,
    createdBy: token.createdBy ?? null,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: isoOrNull(token.lastUsedAt),
    revokedAt: isoOrNull(token.revokedAt),
  };
}

export function presentCreatedToken(created: CreatedToken): z.output<typeof createdTokenSchema> {
  return { token: presentToken(created.token), secret: created.secret };
}
