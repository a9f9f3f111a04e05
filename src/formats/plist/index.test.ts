import { describe, expect, it } from 'vitest';
import { parsePlist, writeBinaryPlist, writeXmlPlist } from './index.js';

function expectCode(action: () => unknown, code: string): void {
  expect(action).toThrow(expect.objectContaining({ name: 'FormatError', code }));
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('parsePlist', () => {
  it('reads binary plists by their bplist00 magic', () => {
    expect(parsePlist(writeBinaryPlist({ a: [1, 'b'] }))).toEqual({ a: [1, 'b'] });
  });

  it('reads XML after an optional BOM and whitespace', () => {
    const xml = writeXmlPlist({ a: [1, 'b'] });
    expect(parsePlist(encode(xml))).toEqual({ a: [1, 'b'] });
    expect(parsePlist(encode(`\uFEFF \r\n\t${xml}`))).toEqual({ a: [1, 'b'] });
  });

  it.each([
    ['an empty input', new Uint8Array(0)],
    ['only whitespace', encode(' \n')],
    ['a stray byte before <?xml', encode('\u0001<?xml version="1.0"?><plist><true/></plist>')],
    ['JSON', encode('{"a": 1}')],
    ['an old-style ASCII plist', encode('{ a = 1; }')],
    ['a UTF-16 XML plist', Uint8Array.of(0xff, 0xfe, 0x3c, 0x00)],
    ['a bplist of another version', encode('bplist15')],
    ['a DER certificate', Uint8Array.of(0x30, 0x82, 0x01, 0x0a)],
  ])('rejects %s as unrecognized', (_name, bytes) => expectCode(() => parsePlist(bytes), 'plist.unrecognized'));

  it('passes limits on to either reader', () => {
    const value = [[[true]]];
    expectCode(() => parsePlist(writeBinaryPlist(value), { maxDepth: 2 }), 'plist.too_deep');
    expectCode(() => parsePlist(encode(writeXmlPlist(value)), { maxDepth: 2 }), 'plist.too_deep');
  });
});
