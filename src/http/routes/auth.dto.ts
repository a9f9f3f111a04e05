import { z } from 'zod';
import type { Actor } from '../../services/auth/actor.js';
import type { LoginResult } from '../../services/auth/session.service.js';
import { roleSchema, timestampSchema } from '../schemas.js';
import { adminSchema, newPasswordSchema, presentAdmin } from './admin.dto.js';

export const loginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) });

export const loginResponse = z.object({
  admin: adminSchema,
  csrfToken: z.string().describe('Send back in the X-CSRF-Token header on every POST, PATCH, PUT and DELETE.'),
  expiresAt: timestampSchema,
});

export const meResponse = z
  .object({
    kind: z.enum(['admin', 'token']),
    id: z.number().int(),
    name: z.string().describe("The admin's username or the token's name."),
    role: roleSchema,
    homeOgId: z.number().int(),
  })
  .meta({ id: 'Actor' });

export const passwordChangeBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: newPasswordSchema });

export function presentLogin(result: LoginResult): z.output<typeof loginResponse> {
  return { admin: presentAdmin(result.admin), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
}

export function presentActor(actor: Actor): z.output<typeof meResponse> {
  return { kind: actor.kind, id: actor.id, name: actor.name, role: actor.role, homeOgId: actor.homeOg };
}
