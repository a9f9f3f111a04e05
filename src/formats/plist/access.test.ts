import { describe, expect, it } from 'vitest';
import {
  isDict,
  optionalArray,
  optionalBoolean,
  optionalData,
  optionalDate,
  optionalDict,
  optionalInteger,
  optionalString,
} from './access.js';
import { parseXmlPlist } from './xml-reader.js';
import type { PlistDict } from './types.js';

const CODE = 'profile.invalid_field';

const dict = parseXmlPlist(`<plist><dict>
  <key>string</key><string>s</string>
  <key>boolean</key><true/>
  <key>integer</key><integer>7</integer>
  <key>big</key><integer>18446744073709551615</integer>
  <key>real</key><real>1.5</real>
  <key>date</key><date>2020-01-01T00:00:00Z</date>
  <key>data</key><data>AQI=</data>
  <key>array</key><array><string>a</string></array>
  <key>dict</key><dict><key>k</key><string>v</string></dict>
</dict></plist>`) as PlistDict;

describe('typed accessors', () => {
  it('return the value when the key holds the expected type', () => {
    expect(optionalString(dict, 'string', CODE)).toBe('s');
    expect(optionalBoolean(dict, 'boolean', CODE)).toBe(true);
    expect(optionalInteger(dict, 'integer', CODE)).toBe(7);
    expect(optionalInteger(dict, 'big', CODE)).toBe(18446744073709551615n);
    expect(optionalDate(dict, 'date', CODE)).toEqual(new Date(Date.UTC(2020, 0, 1)));
    expect(optionalData(dict, 'data', CODE)).toEqual(Uint8Array.of(1, 2));
    expect(optionalArray(dict, 'array', CODE)).toEqual(['a']);
    expect(optionalDict(dict, 'dict', CODE)).toEqual({ k: 'v' });
  });

  it('return undefined when the key is absent, including keys only a prototype would have', () => {
    expect(optionalString(dict, 'missing', CODE)).toBeUndefined();
    const plain: PlistDict = { a: 'x' };
    expect(optionalDict(plain, 'constructor', CODE)).toBeUndefined();
    expect(optionalString(plain, 'toString', CODE)).toBeUndefined();
  });

  it.each([
    ['optionalString', () => optionalString(dict, 'integer', CODE), '"integer" must be a string, found an integer'],
    ['optionalBoolean', () => optionalBoolean(dict, 'string', CODE), '"string" must be a boolean, found a string'],
    ['optionalInteger', () => optionalInteger(dict, 'real', CODE), '"real" must be an integer, found a real'],
    ['optionalDate', () => optionalDate(dict, 'string', CODE), '"string" must be a date, found a string'],
    ['optionalData', () => optionalData(dict, 'array', CODE), '"array" must be data, found an array'],
    ['optionalArray', () => optionalArray(dict, 'dict', CODE), '"dict" must be an array, found a dictionary'],
    ['optionalDict', () => optionalDict(dict, 'data', CODE), '"data" must be a dictionary, found data'],
  ])('%s throws the caller’s code naming key and type on a mismatch', (_name, read, message) => {
    expect(read).toThrow(expect.objectContaining({ name: 'FormatError', code: CODE, message }));
  });

  it('isDict tells dictionaries from every other value', () => {
    expect(isDict(dict)).toBe(true);
    expect(isDict({})).toBe(true);
    for (const other of [[], new Date(), new Uint8Array(1), 's', 1, 1n, true, undefined]) expect(isDict(other)).toBe(false);
  });
});
