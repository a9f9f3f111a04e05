import { describe, expect, it } from 'vitest';
import { parseBinaryPlist } from './binary-reader.js';
import { asciiObject, assembleBinaryPlist, bigEndian, lengthMarker } from '../../testkit/plist/binary-fixture.js';
import type { PlistDict } from './types.js';

function expectCode(action: () => unknown, code: string): void {
  expect(action).toThrow(expect.objectContaining({ name: 'FormatError', code }));
}

/** Parses a plist whose only object is `object`. */
function single(object: number[]): unknown {
  return parseBinaryPlist(assembleBinaryPlist([object]));
}

describe('parseBinaryPlist: scalars', () => {
  it('reads booleans', () => {
    expect(single([0x09])).toBe(true);
    expect(single([0x08])).toBe(false);
  });

  it('reads 1-, 2- and 4-byte integers as unsigned', () => {
    expect(single([0x10, 0xff])).toBe(255);
    expect(single([0x11, 0xff, 0xfe])).toBe(65534);
    expect(single([0x12, 0xff, 0xff, 0xff, 0xff])).toBe(4294967295);
  });

  it('reads 8-byte integers as signed, bigint beyond 2^53', () => {
    expect(single([0x13, ...bigEndian(2 ** 53 - 1, 8)])).toBe(2 ** 53 - 1);
    expect(single([0x13, 0x00, 0x20, 0, 0, 0, 0, 0, 0x01])).toBe(2n ** 53n + 1n);
    expect(single([0x13, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])).toBe(-1);
    expect(single([0x13, 0x80, 0, 0, 0, 0, 0, 0, 0])).toBe(-(2n ** 63n));
  });

  it('reads 16-byte integers as signed 128-bit values', () => {
    const high = [0, 0, 0, 0, 0, 0, 0, 0];
    const allOnes = new Array<number>(8).fill(0xff);
    expect(single([0x14, ...high, ...allOnes])).toBe(2n ** 64n - 1n);
    expect(single([0x14, ...allOnes, ...allOnes])).toBe(-1);
    expect(single([0x14, ...allOnes, 0x7f, ...allOnes.slice(1)])).toBe(-(2n ** 63n) - 1n);
    expect(single([0x14, 0x80, 0, 0, 0, 0, 0, 0, 0, ...high])).toBe(-(2n ** 127n));
  });

  it('reads 4- and 8-byte reals', () => {
    expect(single([0x22, 0x3f, 0xc0, 0x00, 0x00])).toBe(1.5);
    expect(single([0x23, 0xc0, 0x04, 0, 0, 0, 0, 0, 0])).toBe(-2.5);
  });

  it('reads dates as seconds since 2001-01-01', () => {
    expect(single([0x33, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual(new Date('2001-01-01T00:00:00Z'));
    expect(single([0x33, 0x41, 0xcd, 0xcd, 0x65, 0, 0, 0, 0])).toEqual(new Date('2032-09-09T01:46:40Z'));
    expect(single([0x33, 0xc1, 0xcd, 0xcd, 0x65, 0, 0, 0, 0])).toEqual(new Date('1969-04-24T22:13:20Z'));
  });

  it('rejects a date outside the range of Date', () => {
    expectCode(() => single([0x33, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0]), 'plist.invalid_date');
    expectCode(() => single([0x33, 0x7f, 0xef, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 'plist.invalid_date');
  });

  it('reads data, including a length written as an integer after the marker', () => {
    expect(single([0x43, 1, 2, 3])).toEqual(Uint8Array.of(1, 2, 3));
    const bytes = Array.from({ length: 300 }, (_, i) => i & 0xff);
    expect(single([...lengthMarker(0x4, 300), ...bytes])).toEqual(Uint8Array.from(bytes));
  });

  it('reads ASCII and UTF-16BE strings, keeping surrogate pairs and unpaired surrogates', () => {
    expect(single(asciiObject('hello'))).toBe('hello');
    expect(single(asciiObject('x'.repeat(20)))).toBe('x'.repeat(20));
    expect(single([0x63, 0x00, 0xe9, 0xd8, 0x3d, 0xde, 0x00])).toBe('é😀');
    expect(single([0x61, 0xd8, 0x00])).toBe('\ud800');
    expect(single([0x50])).toBe('');
  });

  it('reads UIDs as { CF$UID }', () => {
    const uid = single([0x81, 0x01, 0x02]) as PlistDict;
    expect(uid).toEqual({ CF$UID: 258 });
    expect(Object.getPrototypeOf(uid)).toBeNull();
  });
});

describe('parseBinaryPlist: containers', () => {
  it('reads arrays and sets (as arrays) by reference', () => {
    const objects = [[0xa3, 1, 2, 1], [0x10, 7], [0xc1, 1]];
    expect(parseBinaryPlist(assembleBinaryPlist(objects))).toEqual([7, [7], 7]);
  });

  it('reads dictionaries as null-prototype objects with keys as data', () => {
    const objects = [[0xd2, 1, 2, 3, 3], asciiObject('__proto__'), asciiObject('constructor'), [0x09]];
    const dict = parseBinaryPlist(assembleBinaryPlist(objects)) as PlistDict;
    expect(Object.getPrototypeOf(dict)).toBeNull();
    expect(Object.keys(dict)).toEqual(['__proto__', 'constructor']);
    expect(dict['__proto__']).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a container with 15 or more members and 2-byte references', () => {
    const count = 300;
    const refs = Array.from({ length: count }, () => bigEndian(1, 2)).flat();
    const value = parseBinaryPlist(
      assembleBinaryPlist([[...lengthMarker(0xa, count), ...refs], [0x10, 5]], { trailer: { refSize: 2 } }),
    );
    expect(value).toEqual(new Array<number>(count).fill(5));
  });

  it('ignores fill bytes and unreferenced bytes between objects', () => {
    const bytes = assembleBinaryPlist([[0xa1, 1], [0x09]], { padding: [0x0f, 0x0f, 0x00, 0x0f] });
    expect(parseBinaryPlist(bytes)).toEqual([true]);
  });

  it('reads the top object wherever the trailer says it is', () => {
    expect(parseBinaryPlist(assembleBinaryPlist([[0x08], [0x09]], { trailer: { topObject: 1 } }))).toBe(true);
  });

  it('decodes a shared object once per reference', () => {
    const value = parseBinaryPlist(assembleBinaryPlist([[0xa2, 1, 1], [0xa1, 2], [0x43, 1, 2, 3]])) as Uint8Array[][];
    expect(value).toEqual([[Uint8Array.of(1, 2, 3)], [Uint8Array.of(1, 2, 3)]]);
    expect(value[0]).not.toBe(value[1]);
  });
});

describe('parseBinaryPlist: malformed files', () => {
  it('rejects input that is not bplist00', () => {
    expectCode(() => parseBinaryPlist(new TextEncoder().encode('bplist01' + ' '.repeat(40))), 'plist.unrecognized');
    expectCode(() => parseBinaryPlist(new Uint8Array(0)), 'plist.unrecognized');
  });

  it('rejects a file too short for its trailer', () => {
    const bytes = assembleBinaryPlist([[0x09]]);
    expectCode(() => parseBinaryPlist(bytes.subarray(0, 40)), 'plist.truncated');
  });

  it.each([
    ['offset size 0', { offsetSize: 0 }],
    ['offset size 9', { offsetSize: 9 }],
    ['reference size 0', { refSize: 0 }],
    ['no objects', { objectCount: 0 }],
    ['a top object beyond the count', { topObject: 1 }],
  ])('rejects a trailer with %s', (_name, trailer) => {
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0x09]], { trailer })), 'plist.invalid_trailer');
  });

  it.each([
    ['an offset table overlapping the trailer', { objectCount: 2 ** 40 }],
    ['an offset table inside the header', { offsetTableStart: 4 }],
    ['an offset table beyond the end', { offsetTableStart: 2 ** 50 }],
  ])('rejects %s', (_name, trailer) => {
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0x09]], { trailer })), 'plist.bad_offset');
  });

  it('rejects object offsets outside the object area', () => {
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0x09]], { offsetOverrides: { 0: 3 } })), 'plist.bad_offset');
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0x09]], { offsetOverrides: { 0: 9 } })), 'plist.bad_offset');
  });

  it('rejects a reference to an object that does not exist', () => {
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0xa1, 5]])), 'plist.bad_offset');
  });

  it('rejects objects running past the object area', () => {
    expectCode(() => single([0x13, 0, 0]), 'plist.truncated');
    expectCode(() => single([0x45, 1, 2]), 'plist.truncated');
    expectCode(() => single([0x62, 0, 0x41]), 'plist.truncated');
    expectCode(() => single([0xa3, 0]), 'plist.truncated');
    expectCode(() => single([0x4f, 0x13, 0x3f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 'plist.truncated');
  });

  it.each([
    ['null', [0x00]],
    ['a fill byte', [0x0f]],
    ['an unknown simple value', [0x0c]],
    ['a 32-byte integer', [0x15, ...new Array<number>(32).fill(0)]],
    ['a 2-byte real', [0x21, 0, 0]],
    ['a date with the wrong size', [0x32, 0, 0, 0, 0]],
    ['a UTF-8 string (bplist1x)', [0x71, 0x41]],
    ['an ordered set (bplist1x)', [0xb0]],
    ['a 9-byte UID', [0x88, 0, 0, 0, 0, 0, 0, 0, 0, 1]],
    ['a UID beyond 2^53', [0x87, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
    ['a length that is not an integer', [0x4f, 0x23, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a 16-byte length', [0x4f, 0x14, ...new Array<number>(16).fill(0)]],
    ['an unused marker', [0xe0]],
  ])('rejects %s', (_name, object) => expectCode(() => single(object), 'plist.invalid_object'));

  it('rejects a dictionary key that is not a string', () => {
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0xd1, 1, 1], [0x10, 1]])), 'plist.invalid_key');
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0xd1, 0, 1], [0x09]])), 'plist.invalid_key');
  });

  it('rejects a duplicate dictionary key', () => {
    const objects = [[0xd2, 1, 2, 3, 3], asciiObject('a'), [0x61, 0, 0x61], [0x09]];
    expectCode(() => parseBinaryPlist(assembleBinaryPlist(objects)), 'plist.duplicate_key');
  });

  it('rejects containers that contain themselves, directly or not', () => {
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0xa1, 0]])), 'plist.cycle');
    expectCode(() => parseBinaryPlist(assembleBinaryPlist([[0xa1, 1], [0xd1, 2, 0], asciiObject('k')])), 'plist.cycle');
  });
});

describe('parseBinaryPlist: limits', () => {
  const chain = (depth: number) =>
    assembleBinaryPlist(Array.from({ length: depth }, (_, i) => (i === depth - 1 ? [0xa0] : [0xa1, i + 1])));

  it('rejects nesting deeper than maxDepth and accepts exactly maxDepth', () => {
    expect(parseBinaryPlist(chain(4), { maxDepth: 4 })).toEqual([[[[]]]]);
    expectCode(() => parseBinaryPlist(chain(5), { maxDepth: 4 }), 'plist.too_deep');
  });

  it('measures depth through a shared object met first at a shallower level', () => {
    // Root holds X (three levels) and Y, and Y holds X again: X reaches depth 5 through Y.
    const objects = [[0xa2, 1, 2], [0xa1, 3], [0xa1, 1], [0xa1, 4], [0xa0]];
    expect(parseBinaryPlist(assembleBinaryPlist(objects), { maxDepth: 5 })).toEqual([[[[]]], [[[[]]]]]);
    expectCode(() => parseBinaryPlist(assembleBinaryPlist(objects), { maxDepth: 4 }), 'plist.too_deep');
  });

  it('counts every decoded object and key against maxNodes', () => {
    const bytes = assembleBinaryPlist([[0xd1, 1, 2], asciiObject('k'), [0xa2, 3, 3], [0x09]]);
    expect(parseBinaryPlist(bytes, { maxNodes: 5 })).toEqual({ k: [true, true] });
    expectCode(() => parseBinaryPlist(bytes, { maxNodes: 4 }), 'plist.too_many_nodes');
  });

  it('rejects a container declaring more members than maxNodes allows before reading them', () => {
    const refs = new Array<number>(100).fill(1);
    expectCode(
      () => parseBinaryPlist(assembleBinaryPlist([[...lengthMarker(0xa, 100), ...refs], [0x09]]), { maxNodes: 50 }),
      'plist.too_many_nodes',
    );
  });

  it('caps the decoded strings and data at maxBytes, counting shared objects per reference', () => {
    const data = [...lengthMarker(0x4, 100), ...new Array<number>(100).fill(7)];
    const bytes = assembleBinaryPlist([[0xa4, 1, 1, 1, 1], data]);
    expect(parseBinaryPlist(bytes, { maxBytes: 400 })).toHaveLength(4);
    expectCode(() => parseBinaryPlist(bytes, { maxBytes: 399 }), 'plist.too_large');
  });

  it('rejects input longer than maxBytes', () => {
    const bytes = assembleBinaryPlist([[0x09]]);
    expectCode(() => parseBinaryPlist(bytes, { maxBytes: bytes.length - 1 }), 'plist.too_large');
  });
});
