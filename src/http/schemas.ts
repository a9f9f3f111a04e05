import { z } from 'zod';
import { ADMIN_ROLES } from '../domain/model.js';
import { MAX_PAGE_SIZE } from '../store/pagination.js';

/** A positive database id in a path or query string. */
export const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'must be a positive whole number')
  .transform(Number);

/** `/:id` path parameters. */
export const idParams = z.object({ id: idSchema });

/** An id in a JSON body. */
export const bodyIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** `limit` and `cursor`, the query parameters of every paginated listing. */
export const pageQueryShape = {
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(1).max(MAX_PAGE_SIZE))
    .optional()
    .describe(`Items per page, 1-${MAX_PAGE_SIZE} (default 50).`),
  cursor: z.string().max(1024).optional().describe('`nextCursor` of the previous page.'),
};

/** One page of `item`s; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const roleSchema = z.enum(ADMIN_ROLES);

/** A date and time in responses: ISO 8601, UTC. */
export const timestampSchema = z.iso.datetime();

export const nameSchema = z.string().trim().min(1).max(200);

/** The body of every error response. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable code: a kind such as `not_found`, or a domain code such as `og.not_empty`.'),
      message: z.string(),
      details: z.unknown().describe('Specifics, e.g. validation issues; null when there are none.'),
    }),
  })
  .meta({ id: 'Error' });

/** A page of domain objects as JSON. */
export function presentPage<T, R>(page: { items: readonly T[]; nextCursor: string | undefined }, present: (item: T) => R) {
  return { items: page.items.map(present), nextCursor: page.nextCursor ?? null };
}

/** An optional date as JSON. */
export function isoOrNull(date: Date | undefined): string | null {
  return date === undefined ? null : date.toISOString();
}
