import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors.js';
import { fromHex } from './bytes.js';
import { MAX_DEPTH, decodeAsn1 } from './element.js';
import { TagClass, UniversalTag } from './tags.js';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof FormatError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('decodeAsn1', () => {
  it('reads a definite-length SEQUENCE and its children as views of the input', () => {
    const bytes = fromHex('30 06 02 01 05 04 01 AA');
    const sequence = decodeAsn1(bytes);
    expect(sequence.isUniversal(UniversalTag.sequence)).toBe(true);
    expect(sequence.constructed).toBe(true);
    const [integer, octets] = sequence.children();
    expect(integer?.content).toEqual(Uint8Array.of(5));
    expect(octets?.bytes).toEqual(fromHex('04 01 AA'));
    expect(octets?.content.buffer).toBe(bytes.buffer);
  });

  it('reads indefinite lengths and reports where the end-of-contents octets are', () => {
    const bytes = fromHex('30 80 02 01 07 A0 80 05 00 00 00 00 00');
    const sequence = decodeAsn1(bytes);
    expect(sequence.indefinite).toBe(true);
    expect(sequence.end).toBe(bytes.length);
    expect(sequence.content).toEqual(fromHex('02 01 07 A0 80 05 00 00 00'));
    const tagged = sequence.children()[1]!;
    expect(tagged.is(TagClass.context, 0)).toBe(true);
    expect(tagged.children()[0]?.isUniversal(UniversalTag.null)).toBe(true);
  });

  it('reads long-form lengths and high tag numbers', () => {
    const content = new Uint8Array(300).fill(1);
    const bytes = new Uint8Array([0x9f, 0x81, 0x00, 0x82, 0x01, 0x2c, ...content]);
    const element = decodeAsn1(bytes);
    expect(element.tagClass).toBe(TagClass.context);
    expect(element.tagNumber).toBe(128);
    expect(element.content.length).toBe(300);
  });

  it('rejects a length that runs past the input as asn1.truncated', () => {
    expect(codeOf(() => decodeAsn1(fromHex('30 05 02 01 05')))).toBe('asn1.truncated');
    expect(codeOf(() => decodeAsn1(fromHex('30')))).toBe('asn1.truncated');
    expect(codeOf(() => decodeAsn1(fromHex('30 82 01')))).toBe('asn1.truncated');
  });

  it('rejects a child that overruns its parent as asn1.truncated', () => {
    const sequence = decodeAsn1(fromHex('30 03 04 05 AA BB CC DD EE'), { allowTrailing: true });
    expect(codeOf(() => sequence.children())).toBe('asn1.truncated');
  });

  it('rejects an indefinite-length element without end-of-contents octets', () => {
    expect(codeOf(() => decodeAsn1(fromHex('30 80 02 01 05')))).toBe('asn1.truncated');
  });

  it('rejects malformed encodings as asn1.invalid', () => {
    expect(codeOf(() => decodeAsn1(fromHex('04 80 00 00')))).toBe('asn1.invalid');
    expect(codeOf(() => decodeAsn1(fromHex('04 FF')))).toBe('asn1.invalid');
    expect(codeOf(() => decodeAsn1(fromHex('05 00 00')))).toBe('asn1.invalid');
    expect(codeOf(() => decodeAsn1(fromHex('00 00')))).toBe('asn1.invalid');
    expect(codeOf(() => decodeAsn1(fromHex('04 01 AA')).children())).toBe('asn1.invalid');
  });

  it('accepts trailing bytes only when asked to', () => {
    const element = decodeAsn1(fromHex('05 00 FF'), { allowTrailing: true });
    expect(element.end).toBe(2);
  });

  it('follows nesting up to MAX_DEPTH and no further', () => {
    const nest = (levels: number): Uint8Array => {
      const bytes = new Uint8Array(levels * 4);
      for (let i = 0; i < levels; i++) bytes.set([0x30, 0x80], i * 2);
      return bytes; // the trailing zeros are the end-of-contents octets of every level
    };
    expect(decodeAsn1(nest(MAX_DEPTH + 1)).depth).toBe(0);
    expect(codeOf(() => decodeAsn1(nest(MAX_DEPTH + 2)))).toBe('asn1.too_deep');
  });
});

describe('hostile input', () => {
  it('rejects a length field claiming 4 GB within a second', () => {
    const bytes = fromHex('30 84 FF FF FF FF 02 01 00');
    const started = performance.now();
    expect(codeOf(() => decodeAsn1(bytes))).toBe('asn1.truncated');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects 10,000 nested indefinite-length values within a second', () => {
    const levels = 10_000;
    const bytes = new Uint8Array(levels * 4);
    for (let i = 0; i < levels; i++) bytes.set([0x30, 0x80], i * 2);
    const started = performance.now();
    expect(codeOf(() => decodeAsn1(bytes))).toBe('asn1.too_deep');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects 10,000 nested definite-length values once they are walked', () => {
    const levels = 10_000;
    const bytes = new Uint8Array(levels * 6 + 2);
    for (let i = 0; i < levels; i++) bytes.set([0x30, 0x84, ...u32(bytes.length - (i + 1) * 6)], i * 6);
    bytes.set([0x05, 0x00], levels * 6);
    const started = performance.now();
    const walk = (): void => {
      let element = decodeAsn1(bytes);
      while (element.constructed) element = element.children()[0]!;
    };
    expect(codeOf(walk)).toBe('asn1.too_deep');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

function u32(value: number): number[] {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}
