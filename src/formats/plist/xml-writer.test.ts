import { describe, expect, it } from 'vitest';
import { parseXmlPlist } from './xml-reader.js';
import { writeXmlPlist } from './xml-writer.js';
import type { PlistDict, PlistValue } from './types.js';
import { createDict } from './values.js';

function expectCode(action: () => unknown, code: string): void {
  expect(action).toThrow(expect.objectContaining({ name: 'FormatError', code }));
}

describe('writeXmlPlist: Apple layout', () => {
  it('writes the header, tabs, sorted keys, empty containers and every scalar form', () => {
    const value: PlistValue = {
      zeta: 'last',
      alpha: [true, false, 1, -2.5, new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 678))],
      empty: { array: [], dict: {}, string: '' },
      data: Uint8Array.of(0x3c, 0x62, 0x3e),
    };
    expect(writeXmlPlist(value)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
        '<plist version="1.0">',
        '<dict>',
        '\t<key>alpha</key>',
        '\t<array>',
        '\t\t<true/>',
        '\t\t<false/>',
        '\t\t<integer>1</integer>',
        '\t\t<real>-2.5</real>',
        '\t\t<date>2020-01-02T03:04:05Z</date>',
        '\t</array>',
        '\t<key>data</key>',
        '\t<data>',
        '\tPGI+',
        '\t</data>',
        '\t<key>empty</key>',
        '\t<dict>',
        '\t\t<key>array</key>',
        '\t\t<array/>',
        '\t\t<key>dict</key>',
        '\t\t<dict/>',
        '\t\t<key>string</key>',
        '\t\t<string></string>',
        '\t</dict>',
        '\t<key>zeta</key>',
        '\t<string>last</string>',
        '</dict>',
        '</plist>',
        '',
      ].join('\n'),
    );
  });

  it('wraps base64 within 76 columns, counting a tab as 8', () => {
    const bytes = new Uint8Array(120).map((_, i) => i);
    const base64Lines = (xml: string) => xml.split('\n').filter((line) => line.startsWith('\t') && !line.includes('<'));
    expect(base64Lines(writeXmlPlist([bytes])).map((line) => line.length)).toEqual([1 + 68, 1 + 68, 1 + 24]);
    expect(base64Lines(writeXmlPlist({ a: [bytes] })).map((line) => line.length)).toEqual([2 + 60, 2 + 60, 2 + 40]);
    const rootLines = writeXmlPlist(bytes).split('\n').slice(4, -3);
    expect(rootLines.map((line) => line.length)).toEqual([76, 76, 8]);
  });

  it('escapes &, <, > and carriage returns in strings and keys', () => {
    const xml = writeXmlPlist({ 'a<&>b': 'x & y < z > w\r\n' });
    expect(xml).toContain('<key>a&lt;&amp;&gt;b</key>');
    expect(xml).toContain('<string>x &amp; y &lt; z &gt; w&#13;\n</string>');
  });

  it('writes integers as <integer> and other numbers as <real>', () => {
    const xml = writeXmlPlist([0, -7, 2n ** 64n, 0.1, -0, 1e21, Number.NaN, Infinity, -Infinity]);
    expect(xml).toContain(
      '\t<integer>0</integer>\n\t<integer>-7</integer>\n\t<integer>18446744073709551616</integer>\n' +
        '\t<real>0.1</real>\n\t<real>-0</real>\n\t<real>1e+21</real>\n' +
        '\t<real>nan</real>\n\t<real>+infinity</real>\n\t<real>-infinity</real>\n',
    );
  });
});

describe('writeXmlPlist: round trips through parseXmlPlist', () => {
  it.each<[string, PlistValue]>([
    ['a string', 'plain'],
    ['unicode', 'Grüße ☃ 😀 日本 \u0000\u0007 tab\t'],
    ['markup characters', '<?xml?> ]]> &amp; "quotes" \'apos\''],
    ['line endings', 'a\r\nb\rc\n'],
    ['an empty string', ''],
    ['integers', [0, 1, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]],
    ['bigints', [2n ** 53n + 1n, -(2n ** 63n), 2n ** 64n - 1n, 2n ** 127n - 1n, -(2n ** 127n)]],
    ['reals', [0.5, -1e-300, 1.7976931348623157e308, 5e-324, 1e21, -0]],
    ['booleans', [true, false]],
    ['dates', [new Date(Date.UTC(2001, 0, 1)), new Date(Date.UTC(1969, 6, 20, 20, 17, 40)), new Date(Date.UTC(9999, 11, 31, 23, 59, 59))]],
    ['data', [new Uint8Array(0), Uint8Array.of(0), new Uint8Array(1000).map((_, i) => (i * 37) & 0xff)]],
    ['empty containers', [[], {}, [[]], { a: {} }]],
    ['nesting', { a: [{ b: [{ c: 'd' }] }], 'key with spaces': 'v', '': 'empty key' }],
  ])('%s', (_name, value) => {
    expect(parseXmlPlist(writeXmlPlist(value))).toEqual(value);
  });

  it('keeps NaN and the infinities', () => {
    expect(parseXmlPlist(writeXmlPlist([Number.NaN, Infinity, -Infinity]))).toEqual([Number.NaN, Infinity, -Infinity]);
  });

  it('keeps prototype-named keys as data', () => {
    const dict = createDict();
    dict['__proto__'] = 'p';
    dict['constructor'] = 'c';
    const parsed = parseXmlPlist(writeXmlPlist(dict)) as PlistDict;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(parsed['__proto__']).toBe('p');
  });

  it('drops sub-second precision of dates, as Apple does', () => {
    const parsed = parseXmlPlist(writeXmlPlist(new Date(Date.UTC(2020, 0, 1, 0, 0, 0, 999))));
    expect(parsed).toEqual(new Date(Date.UTC(2020, 0, 1)));
  });
});

describe('writeXmlPlist: values it cannot write', () => {
  it('rejects a value that contains itself', () => {
    const array: PlistValue[] = [];
    array.push(array);
    expectCode(() => writeXmlPlist(array), 'plist.cycle');
    const dict: PlistDict = {};
    dict.self = [dict];
    expectCode(() => writeXmlPlist(dict), 'plist.cycle');
  });

  it('writes the same object twice when it is shared, not nested', () => {
    const shared = { a: 1 };
    expect(parseXmlPlist(writeXmlPlist([shared, shared]))).toEqual([{ a: 1 }, { a: 1 }]);
  });

  it('rejects nesting deeper than the default maxDepth', () => {
    let value: PlistValue = [];
    for (let i = 1; i < 256; i++) value = [value];
    expect(() => writeXmlPlist(value)).not.toThrow();
    expectCode(() => writeXmlPlist([value]), 'plist.too_deep');
  });

  it('rejects invalid dates, dates beyond year 9999, huge bigints, null and undefined', () => {
    expectCode(() => writeXmlPlist(new Date(Number.NaN)), 'plist.unencodable');
    expectCode(() => writeXmlPlist(new Date(Date.UTC(10000, 0, 1))), 'plist.unencodable');
    expectCode(() => writeXmlPlist(2n ** 127n), 'plist.unencodable');
    expectCode(() => writeXmlPlist([null] as unknown as PlistValue), 'plist.unencodable');
    expectCode(() => writeXmlPlist({ a: undefined } as unknown as PlistValue), 'plist.unencodable');
  });
});
