import { plistError } from './errors.js';
import type { PlistDict, PlistValue } from './types.js';

/** A value tagged with the plist type it is written as. */
export type ClassifiedValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'integer'; readonly value: number | bigint }
  | { readonly kind: 'real'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly value: Date }
  | { readonly kind: 'data'; readonly value: Uint8Array }
  | { readonly kind: 'array'; readonly value: PlistValue[] }
  | { readonly kind: 'dict'; readonly value: PlistDict };

/** The plist type a JavaScript value is written as. */
export type PlistKind = ClassifiedValue['kind'];

/** A dictionary without a prototype, so `__proto__` and `constructor` are plain keys. */
export function createDict(): PlistDict {
  return Object.create(null) as PlistDict;
}

/** True for a plist dictionary: any object that is not an array, a `Date` or a `Uint8Array`. */
export function isDict(value: PlistValue | undefined): value is PlistDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/**
 * Tags a value with its plist type. Safe integers and every bigint are `integer`; other numbers
 * (fractions, -0, NaN, infinities, integral values beyond 2^53) are `real`, so reading a
 * written value back gives the same JavaScript type. Throws `plist.unencodable` for anything
 * that is not a plist value (null, undefined, functions, symbols).
 */
export function classify(value: PlistValue): ClassifiedValue {
  switch (typeof value) {
    case 'string':
      return { kind: 'string', value };
    case 'bigint':
      return { kind: 'integer', value };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? { kind: 'integer', value } : { kind: 'real', value };
    case 'object':
      return classifyObject(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      throw plistError('plist.unencodable', `a ${typeof value} is not a plist value`);
  }
}

/** The plist type of a value; see `classify`. */
export function kindOf(value: PlistValue): PlistKind {
  return classify(value).kind;
}

function classifyObject(value: Date | Uint8Array | PlistValue[] | PlistDict | null): ClassifiedValue {
  if (value === null) throw plistError('plist.unencodable', 'null is not a plist value');
  if (Array.isArray(value)) return { kind: 'array', value };
  if (value instanceof Date) return { kind: 'date', value };
  if (value instanceof Uint8Array) return { kind: 'data', value };
  return { kind: 'dict', value };
}

const INT128_MIN = -(1n << 127n);
const INT128_MAX = (1n << 127n) - 1n;

/**
 * True when an integer fits the widest plist integer, the binary format's 16-byte two's
 * complement field. (CoreFoundation uses that field for unsigned 64-bit values, a subset.)
 */
export function isEncodableInteger(value: bigint): boolean {
  return value >= INT128_MIN && value <= INT128_MAX;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Converts an integer to `number` when that is exact, otherwise keeps the `bigint`. */
export function normalizeInteger(value: bigint): number | bigint {
  return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value;
}
