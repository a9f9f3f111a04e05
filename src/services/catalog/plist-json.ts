import type { JsonObject, JsonValue } from '../../domain/model.js';
import type { PlistDict, PlistValue } from '../../formats/plist/types.js';

/**
 * A plist value as JSON, for the entitlements column: dates become ISO text, data base64,
 * integers beyond 2^53 decimal text. Keys are defined, not assigned, so `__proto__` stays a key.
 */
export function plistToJsonValue(value: PlistValue): JsonValue {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(plistToJsonValue);
  if (typeof value === 'object') return plistDictToJson(value);
  return value;
}

export function plistDictToJson(dict: PlistDict): JsonObject {
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(dict)) {
    Object.defineProperty(out, key, { value: plistToJsonValue(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
