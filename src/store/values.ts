import type { JsonObject } from '../domain/model.js';
import type { Flag, JsonText, Millis } from './schema.js';

/*
 * Conversions between stored values and domain values; the storage representation (epoch
 * milliseconds, 0/1, JSON text, NULL) stays inside the store.
 */

export function toMillis(date: Date): Millis {
  const millis = date.getTime();
  if (Number.isNaN(millis)) {
    throw new RangeError('cannot store an invalid Date');
  }
  return millis;
}

export function fromMillis(millis: Millis): Date {
  return new Date(millis);
}

export function toOptionalMillis(date: Date | undefined): Millis | null {
  return date === undefined ? null : toMillis(date);
}

export function fromOptionalMillis(millis: Millis | null): Date | undefined {
  return millis === null ? undefined : fromMillis(millis);
}

export function toFlag(value: boolean): Flag {
  return value ? 1 : 0;
}

export function fromFlag(flag: Flag): boolean {
  return flag !== 0;
}

export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

export function orUndefined<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

export function toJson(value: unknown): JsonText {
  return JSON.stringify(value);
}

/** Decodes a JSON column that the store itself wrote as an object. */
export function parseJsonObject(text: JsonText): JsonObject {
  return JSON.parse(text) as JsonObject;
}

/** Decodes a JSON column that the store itself wrote as an array of strings. */
export function parseStringArray(text: JsonText): string[] {
  return JSON.parse(text) as string[];
}
