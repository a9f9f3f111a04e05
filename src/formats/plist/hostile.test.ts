import { describe, expect, it } from 'vitest';
import { parseBinaryPlist, parsePlist, parseXmlPlist, writeBinaryPlist, writeXmlPlist } from './index.js';
import { assembleBinaryPlist, bigEndian, lengthMarker } from '../../testkit/plist/binary-fixture.js';

/** Runs `action`, which must throw, and reports the error with how long it took. */
function timed(action: () => unknown): { error: unknown; milliseconds: number } {
  const started = performance.now();
  try {
    action();
  } catch (error) {
    return { error, milliseconds: performance.now() - started };
  }
  throw new Error('expected the input to be rejected');
}

function expectFastRejection(action: () => unknown, code: string): void {
  const result = timed(action);
  expect(result.error).toMatchObject({ name: 'FormatError', code });
  expect(result.milliseconds).toBeLessThan(1000);
}

/** 49 arrays, each referencing the next one twice, ending in an integer: 2^49 leaves. */
function expansionBomb(): Uint8Array {
  const arrays = Array.from({ length: 49 }, (_, i) => [0xa2, i + 1, i + 1]);
  return assembleBinaryPlist([...arrays, [0x10, 0x01]]);
}

describe('hostile input is rejected within a second', () => {
  it('a 239-byte binary expansion bomb: plist.too_many_nodes', () => {
    const bomb = expansionBomb();
    expect(bomb.length).toBe(239);
    expectFastRejection(() => parsePlist(bomb), 'plist.too_many_nodes');
  });

  it('a binary reference cycle: plist.cycle', () => {
    expectFastRejection(() => parsePlist(assembleBinaryPlist([[0xa2, 1, 2], [0x09], [0xa1, 0]])), 'plist.cycle');
  });

  it('a billion-laughs entity attack: plist.doctype_forbidden', () => {
    const entities = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    const attack = `<?xml version="1.0"?><!DOCTYPE plist [${entities}]><plist><string>&lol9;</string></plist>`;
    expectFastRejection(() => parsePlist(new TextEncoder().encode(attack)), 'plist.doctype_forbidden');
  });

  it('the same entity used without its declaration: plist.unknown_entity', () => {
    expectFastRejection(() => parseXmlPlist(`<plist><string>${'&lol9;'.repeat(1000)}</string></plist>`), 'plist.unknown_entity');
  });

  it('10,000 levels of XML nesting: plist.too_deep', () => {
    const deep = `<plist>${'<array>'.repeat(10_000)}${'</array>'.repeat(10_000)}</plist>`;
    expectFastRejection(() => parseXmlPlist(deep), 'plist.too_deep');
  });

  it('10,000 levels of binary nesting: plist.too_deep', () => {
    const objects = Array.from({ length: 10_000 }, (_, i) => (i === 9_999 ? [0xa0] : [0xa1, ...bigEndian(i + 1, 2)]));
    const deep = assembleBinaryPlist(objects, { trailer: { refSize: 2 } });
    expectFastRejection(() => parsePlist(deep), 'plist.too_deep');
  });

  it('10,000 levels are no stack overflow even when maxDepth allows them', () => {
    const xml = `<plist>${'<array>'.repeat(10_000)}${'</array>'.repeat(10_000)}</plist>`;
    const objects = Array.from({ length: 10_000 }, (_, i) => (i === 9_999 ? [0xa0] : [0xa1, ...bigEndian(i + 1, 2)]));
    const binary = assembleBinaryPlist(objects, { trailer: { refSize: 2 } });
    for (const value of [parseXmlPlist(xml, { maxDepth: 10_000 }), parseBinaryPlist(binary, { maxDepth: 10_000 })]) {
      let level: unknown = value;
      let depth = 0;
      while (Array.isArray(level)) {
        level = level[0];
        depth++;
      }
      expect(depth).toBe(10_000);
    }
  });

  it.each([
    ['an array', [0xaf, 0x13, ...bigEndian(2 ** 52, 8)]],
    ['a dictionary', [0xdf, 0x13, ...bigEndian(2 ** 52, 8)]],
    ['data', [0x4f, 0x13, ...bigEndian(2 ** 52, 8)]],
    ['a UTF-16 string', [0x6f, 0x13, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
  ])('%s declaring 2^52 members: plist.truncated', (_name, object) => {
    expectFastRejection(() => parseBinaryPlist(assembleBinaryPlist([object])), 'plist.truncated');
  });

  it('a trailer declaring 2^63 objects: plist.bad_offset', () => {
    expectFastRejection(
      () => parseBinaryPlist(assembleBinaryPlist([[0x09]], { trailer: { objectCount: 2 ** 63 } })),
      'plist.bad_offset',
    );
  });

  it('an array declaring a million and one members: plist.too_many_nodes before reading them', () => {
    const count = 1_000_001;
    const members = new Array<number>(count).fill(1);
    const huge = assembleBinaryPlist([[...lengthMarker(0xa, count), ...members], [0x09]]);
    expectFastRejection(() => parseBinaryPlist(huge), 'plist.too_many_nodes');
  });

  it('every truncation of a binary plist', () => {
    const whole = writeBinaryPlist({ name: 'value', list: [1, 2.5, true, new Uint8Array(40)], nested: { date: new Date(0) } });
    const started = performance.now();
    for (let length = 0; length < whole.length; length++) {
      expect(() => parsePlist(whole.subarray(0, length))).toThrow(expect.objectContaining({ name: 'FormatError' }));
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('every truncation of an XML plist: plist.malformed_xml', () => {
    const whole = new TextEncoder().encode(
      writeXmlPlist({ name: 'a &amp; b', list: [1, 2.5, true, new Uint8Array(40)], nested: { date: new Date(0) } }),
    );
    const started = performance.now();
    // Only the final newline may go: every shorter prefix is cut inside the document.
    for (let length = 1; length < whole.length - 1; length++) {
      const prefix = whole.subarray(0, length);
      const code = prefix.every((byte) => byte === 0x20 || byte === 0x0a) ? 'plist.unrecognized' : 'plist.malformed_xml';
      expect(() => parsePlist(prefix)).toThrow(expect.objectContaining({ code }));
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
