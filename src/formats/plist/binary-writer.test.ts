import { describe, expect, it } from 'vitest';
import { parseBinaryPlist } from './binary-reader.js';
import { writeBinaryPlist } from './binary-writer.js';
import type { PlistDict, PlistValue } from './types.js';
import { createDict } from './values.js';

function expectCode(action: () => unknown, code: string): void {
  expect(action).toThrow(expect.objectContaining({ name: 'FormatError', code }));
}

function roundTrip(value: PlistValue): PlistValue {
  return parseBinaryPlist(writeBinaryPlist(value));
}

describe('writeBinaryPlist: format', () => {
  it('writes header, objects parents first, offset table and trailer', () => {
    const bytes = writeBinaryPlist({ a: true });
    expect(Array.from(bytes)).toEqual([
      ...Array.from(new TextEncoder().encode('bplist00')),
      0xd1, 0x01, 0x02, // dict of one entry: key object 1, value object 2
      0x51, 0x61, // "a"
      0x09, // true
      0x08, 0x0b, 0x0d, // offset table
      0, 0, 0, 0, 0, 0, 1, 1,
      0, 0, 0, 0, 0, 0, 0, 3, // three objects
      0, 0, 0, 0, 0, 0, 0, 0, // top object 0
      0, 0, 0, 0, 0, 0, 0, 0x0e, // offset table at 14
    ]);
  });

  it('uses the smallest integer form and the 16-byte form beyond 64 bits', () => {
    const objectBytes = (value: PlistValue) => Array.from(writeBinaryPlist(value).subarray(8, -33));
    expect(objectBytes(200)).toEqual([0x10, 200]);
    expect(objectBytes(300)).toEqual([0x11, 0x01, 0x2c]);
    expect(objectBytes(70000)).toEqual([0x12, 0x00, 0x01, 0x11, 0x70]);
    expect(objectBytes(-1)).toEqual([0x13, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(objectBytes(2n ** 64n - 1n)).toEqual([0x14, ...new Array<number>(8).fill(0), ...new Array<number>(8).fill(0xff)]);
  });

  it('writes ASCII strings as bytes and others as UTF-16BE', () => {
    const objectBytes = (value: PlistValue) => Array.from(writeBinaryPlist(value).subarray(8, -33));
    expect(objectBytes('hi')).toEqual([0x52, 0x68, 0x69]);
    expect(objectBytes('é')).toEqual([0x61, 0x00, 0xe9]);
  });

  it('widens references and offsets as the object table grows', () => {
    const many = Array.from({ length: 70_000 }, (_, i) => `item ${i}`);
    const bytes = writeBinaryPlist(many);
    const trailer = bytes.subarray(bytes.length - 32);
    expect(trailer[6]).toBe(4); // offsets beyond 65535
    expect(trailer[7]).toBe(4); // more than 65535 objects
    expect(parseBinaryPlist(bytes)).toEqual(many);
  });
});

describe('writeBinaryPlist: round trips through parseBinaryPlist', () => {
  it.each<[string, PlistValue]>([
    ['ASCII', 'plain text'],
    ['unicode', 'Grüße ☃ 😀 日本 \ud800 \u0000'],
    ['long strings', 'x'.repeat(1000)],
    ['an empty string', ''],
    ['integers', [0, 1, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER, -1, Number.MIN_SAFE_INTEGER]],
    ['bigints', [2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 127n - 1n, -(2n ** 63n), -(2n ** 63n) - 1n, -(2n ** 127n)]],
    ['reals', [0.5, -1e-300, 1.7976931348623157e308, 5e-324, 1e21, Infinity, -Infinity]],
    ['booleans', [true, false]],
    ['dates with milliseconds', [new Date(Date.UTC(2001, 0, 1)), new Date(Date.UTC(1969, 6, 20, 20, 17, 40, 123)), new Date(Date.UTC(2100, 1, 28))]],
    ['data', [new Uint8Array(0), Uint8Array.of(0, 255), new Uint8Array(5000).map((_, i) => i & 0xff)]],
    ['empty containers', [[], {}, [[]], { a: {} }]],
    ['nesting', { a: [{ b: [{ c: 'd' }] }], 'ü': 'unicode key', '': 'empty key' }],
    ['a UID-shaped dictionary', { $objects: [{ 'CF$UID': 1 }] }],
  ])('%s', (_name, value) => {
    expect(roundTrip(value)).toEqual(value);
  });

  it('keeps NaN and -0', () => {
    const [nan, negativeZero] = roundTrip([Number.NaN, -0]) as number[];
    expect(nan).toBeNaN();
    expect(Object.is(negativeZero, -0)).toBe(true);
  });

  it('keeps prototype-named keys as data', () => {
    const dict = createDict();
    dict['__proto__'] = 'p';
    dict['constructor'] = { prototype: 1 };
    const parsed = roundTrip(dict) as PlistDict;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(parsed['__proto__']).toBe('p');
  });

  it('writes a binary Info.plist an IPA reader can use', () => {
    const info = { CFBundleIdentifier: 'com.example.app', CFBundleShortVersionString: '1.2.0', CFBundleVersion: '42', UIRequiredDeviceCapabilities: ['arm64'] };
    expect(roundTrip(info)).toEqual(info);
  });
});

describe('writeBinaryPlist: values it cannot write', () => {
  it('rejects a value that contains itself', () => {
    const dict: PlistDict = {};
    dict.self = { again: [dict] };
    expectCode(() => writeBinaryPlist(dict), 'plist.cycle');
  });

  it('rejects nesting deeper than the default maxDepth', () => {
    let value: PlistValue = [];
    for (let i = 1; i < 256; i++) value = [value];
    expect(roundTrip(value)).toEqual(value);
    expectCode(() => writeBinaryPlist([value]), 'plist.too_deep');
  });

  it('rejects invalid dates, bigints beyond 128 bits, null and undefined', () => {
    expectCode(() => writeBinaryPlist(new Date(Number.NaN)), 'plist.unencodable');
    expectCode(() => writeBinaryPlist(2n ** 127n), 'plist.unencodable');
    expectCode(() => writeBinaryPlist(-(2n ** 127n) - 1n), 'plist.unencodable');
    expectCode(() => writeBinaryPlist([null] as unknown as PlistValue), 'plist.unencodable');
    expectCode(() => writeBinaryPlist(undefined as unknown as PlistValue), 'plist.unencodable');
  });
});
