/**
 * Typed field readers for code that consumes decoded plists (profiles, Info.plist, MDM messages).
 * Each returns undefined when the key is absent and throws `FormatError(code)` naming the key and
 * the expected type when the key holds something else. The caller picks the code, so a wrong
 * field in a profile reads as `profile.invalid_field`, not as a plist syntax error.
 */
import { FormatError } from '../errors.js';
import type { FormatErrorCode } from '../errors.js';
import type { PlistDict, PlistValue } from './types.js';
import { classify } from './values.js';
import type { PlistKind } from './values.js';

export { isDict } from './values.js';

/** A string value, or undefined when the key is absent. */
export function optionalString(dict: PlistDict, key: string, code: FormatErrorCode): string | undefined {
  return read(dict, key, code, 'string');
}

/** A boolean value, or undefined when the key is absent. */
export function optionalBoolean(dict: PlistDict, key: string, code: FormatErrorCode): boolean | undefined {
  return read(dict, key, code, 'boolean');
}

/** An integer (a `number` when safe, else a `bigint`), or undefined when the key is absent. */
export function optionalInteger(dict: PlistDict, key: string, code: FormatErrorCode): number | bigint | undefined {
  return read(dict, key, code, 'integer');
}

/** A date value, or undefined when the key is absent. */
export function optionalDate(dict: PlistDict, key: string, code: FormatErrorCode): Date | undefined {
  return read(dict, key, code, 'date');
}

/** A data value, or undefined when the key is absent. */
export function optionalData(dict: PlistDict, key: string, code: FormatErrorCode): Uint8Array | undefined {
  return read(dict, key, code, 'data');
}

/** An array value, or undefined when the key is absent. */
export function optionalArray(dict: PlistDict, key: string, code: FormatErrorCode): PlistValue[] | undefined {
  return read(dict, key, code, 'array');
}

/** A dictionary value, or undefined when the key is absent. */
export function optionalDict(dict: PlistDict, key: string, code: FormatErrorCode): PlistDict | undefined {
  return read(dict, key, code, 'dict');
}

/** What each accessor returns; `classify` guarantees the value matches its kind. */
interface ValueOfKind {
  string: string;
  integer: number | bigint;
  real: number;
  boolean: boolean;
  date: Date;
  data: Uint8Array;
  array: PlistValue[];
  dict: PlistDict;
}

const DESCRIPTIONS: Readonly<Record<PlistKind, string>> = {
  string: 'a string',
  integer: 'an integer',
  real: 'a real',
  boolean: 'a boolean',
  date: 'a date',
  data: 'data',
  array: 'an array',
  dict: 'a dictionary',
};

function read<K extends PlistKind>(dict: PlistDict, key: string, code: FormatErrorCode, kind: K): ValueOfKind[K] | undefined {
  // Own properties only: on a dictionary built by hand, `constructor` must not find Object's.
  if (!Object.hasOwn(dict, key)) return undefined;
  const item = classify(dict[key] as PlistValue);
  if (item.kind !== kind) {
    throw new FormatError(code, `"${key}" must be ${DESCRIPTIONS[kind]}, found ${DESCRIPTIONS[item.kind]}`);
  }
  return item.value as ValueOfKind[K];
}
