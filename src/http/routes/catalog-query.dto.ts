import { z } from 'zod';

/** A number of days in a query string, e.g. `expiringWithin=30`. */
export const daysQuerySchema = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a whole number of days')
  .transform(Number);

/** Free text to look for in names, bundle ids or serial numbers. */
export const searchQuerySchema = z.string().trim().min(1).max(200);

/** A multipart `true`/`false` field (forms carry text only). */
export const formFlagSchema = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true');
