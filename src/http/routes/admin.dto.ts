import { z } from 'zod';
import type { Admin } from '../../domain/model.js';
import { bodyIdSchema, roleSchema, timestampSchema } from '../schemas.js';

export const adminSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role: roleSchema,
    homeOgId: z.number().int(),
    disabled: z.boolean(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'Admin' });

export const usernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'use 1-64 letters, digits, dots, dashes, underscores or @');

/** New passwords: long enough to resist guessing, short enough to hash quickly. */
export const newPasswordSchema = z.string().min(8, 'must be at least 8 characters').max(1024);

export const newAdminBody = z.object({
  username: usernameSchema,
  password: newPasswordSchema,
  role: roleSchema,
  homeOgId: bodyIdSchema,
});

export const adminUpdateBody = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional().describe('Disabling also ends every session of the admin.'),
    homeOgId: bodyIdSchema.optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), 'give at least one change');

export const adminListQuery = z.object({
  role: roleSchema.optional(),
  search: z.string().max(200).optional().describe('Part of the username, any case.'),
});

export function presentAdmin(admin: Admin): z.output<typeof adminSchema> {
  return {
    id: admin.id,
    username: admin.username,
    role: admin.role,
    homeOgId: admin.homeOgId,
    disabled: admin.disabled,
    createdAt: admin.createdAt.toISOString(),
  };
}
