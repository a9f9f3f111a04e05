import { isDict } from '../../formats/plist/access.js';
import type { PlistDict, PlistValue } from '../../formats/plist/index.js';
import { MdmProtocolError } from './errors.js';

/**
 * Typed reads of one dictionary of an MDM message. Absent keys give `undefined` (or
 * `mdm.missing_field` for the `required*` readers); a key holding the wrong type is
 * `mdm.invalid_field`. `where` names the dictionary in error messages ("TokenUpdate message").
 */
export class PlistFields {
  constructor(
    readonly dict: PlistDict,
    readonly where: string,
  ) {}

  /** The fields of a nested dictionary value. */
  static of(value: PlistValue, where: string): PlistFields {
    if (!isDict(value)) throw new MdmProtocolError('mdm.invalid_field', `${where} must be a dictionary, found ${describe(value)}`);
    return new PlistFields(value, where);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.dict, key);
  }

  optionalString(key: string): string | undefined {
    return this.read(key, 'a string', (value) => (typeof value === 'string' ? value : undefined));
  }

  /** A string that must be present and not empty: identifiers (UDID, Topic, CommandUUID, …). */
  requiredString(key: string): string {
    const value = this.requiredText(key);
    if (value.length === 0) throw new MdmProtocolError('mdm.missing_field', `${this.where}: "${key}" is empty`);
    return value;
  }

  /** A string that must be present but may be empty: display text such as a profile's Name. */
  requiredText(key: string): string {
    return this.required(key, this.optionalString(key));
  }

  optionalBoolean(key: string): boolean | undefined {
    return this.read(key, 'a boolean', (value) => (typeof value === 'boolean' ? value : undefined));
  }

  /** An `<integer>` within JavaScript's safe range (sizes, flags, error codes all are). */
  optionalInteger(key: string): number | undefined {
    return this.read(key, 'a safe integer (within ±2^53)', (value) =>
      typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined,
    );
  }

  requiredInteger(key: string): number {
    return this.required(key, this.optionalInteger(key));
  }

  optionalData(key: string): Uint8Array | undefined {
    return this.read(key, 'data', (value) => (value instanceof Uint8Array ? value : undefined));
  }

  requiredData(key: string): Uint8Array {
    return this.required(key, this.optionalData(key));
  }

  optionalDate(key: string): Date | undefined {
    return this.read(key, 'a date', (value) => (value instanceof Date ? value : undefined));
  }

  optionalArray(key: string): PlistValue[] | undefined {
    return this.read(key, 'an array', (value) => (Array.isArray(value) ? value : undefined));
  }

  requiredArray(key: string): PlistValue[] {
    return this.required(key, this.optionalArray(key));
  }

  /** An array whose every element is a string. */
  optionalStringArray(key: string): string[] | undefined {
    const items = this.optionalArray(key);
    if (items?.some((item) => typeof item !== 'string')) {
      throw new MdmProtocolError('mdm.invalid_field', `${this.where}: "${key}" must be an array of strings`);
    }
    return items as string[] | undefined;
  }

  optionalDict(key: string): PlistDict | undefined {
    return this.read(key, 'a dictionary', (value) => (isDict(value) ? value : undefined));
  }

  requiredDict(key: string): PlistDict {
    return this.required(key, this.optionalDict(key));
  }

  private required<T>(key: string, value: T | undefined): T {
    if (value === undefined) throw new MdmProtocolError('mdm.missing_field', `${this.where}: "${key}" is missing`);
    return value;
  }

  private read<T>(key: string, expected: string, narrow: (value: PlistValue) => T | undefined): T | undefined {
    // Own keys only: a dictionary key named `constructor` must not find Object's.
    if (!Object.hasOwn(this.dict, key)) return undefined;
    const value = this.dict[key] as PlistValue;
    const narrowed = narrow(value);
    if (narrowed === undefined) {
      throw new MdmProtocolError('mdm.invalid_field', `${this.where}: "${key}" must be ${expected}, found ${describe(value)}`);
    }
    return narrowed;
  }
}

/** The plist type of a value, for error messages. */
export function describe(value: PlistValue): string {
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'bigint') return 'an integer';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a real';
  if (value instanceof Date) return 'a date';
  if (value instanceof Uint8Array) return 'data';
  if (Array.isArray(value)) return 'an array';
  return 'a dictionary';
}
