import { describe, expect, it } from 'vitest';
import { parseXmlPlist } from './xml-reader.js';
import type { PlistDict, PlistValue } from './types.js';

const APPLE_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n';

/** Wraps body elements in Apple's header and a `<plist>` root. */
function plist(body: string): string {
  return `${APPLE_HEADER}<plist version="1.0">\n${body}\n</plist>\n`;
}

function parse(body: string): PlistValue {
  return parseXmlPlist(plist(body));
}

function expectCode(action: () => unknown, code: string): void {
  expect(action).toThrow(expect.objectContaining({ name: 'FormatError', code }));
}

describe('parseXmlPlist: values', () => {
  it('reads every type inside a dictionary', () => {
    const value = parse(`<dict>
      <key>string</key><string>text</string>
      <key>integer</key><integer>-42</integer>
      <key>real</key><real>1.5</real>
      <key>yes</key><true/>
      <key>no</key><false/>
      <key>date</key><date>2024-02-29T23:59:59Z</date>
      <key>data</key><data>AAEC/w==</data>
      <key>array</key><array><integer>1</integer><string>two</string></array>
      <key>nested</key><dict><key>inner</key><array/></dict>
    </dict>`);
    expect(value).toEqual({
      string: 'text',
      integer: -42,
      real: 1.5,
      yes: true,
      no: false,
      date: new Date(Date.UTC(2024, 1, 29, 23, 59, 59)),
      data: Uint8Array.of(0, 1, 2, 255),
      array: [1, 'two'],
      nested: { inner: [] },
    });
  });

  it('accepts empty-element forms and empty content', () => {
    expect(parse('<array><string/><string></string><array/><dict/><data/><data></data></array>')).toEqual([
      '',
      '',
      [],
      {},
      new Uint8Array(0),
      new Uint8Array(0),
    ]);
    expect(parse('<dict><key/><true></true></dict>')).toEqual({ '': true });
  });

  it('reads a scalar root and ignores attributes', () => {
    expect(parse('<string kind="x">root</string>')).toEqual('root');
  });

  it('decodes the five predefined entities and numeric references', () => {
    expect(parse('<string>&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x1F600; caf&#233;</string>')).toBe(`<>&"' AB😀 café`);
  });

  it('keeps CDATA verbatim and drops comments and processing instructions', () => {
    expect(parse('<string>a<![CDATA[<b>&amp;</b>]]>c<!-- gone -->d<?pi x?>e</string>')).toBe('a<b>&amp;</b>cde');
    expect(parse('<!-- before --><array><!-- between --><?pi?><true/><!-- after --></array>')).toEqual([true]);
  });

  it('accepts a BOM, leading whitespace, no XML declaration and no DOCTYPE', () => {
    expect(parseXmlPlist('\uFEFF  \n<plist><true/></plist>')).toBe(true);
    const bytes = new TextEncoder().encode('\uFEFF<?xml version="1.0"?><plist><integer>7</integer></plist>');
    expect(parseXmlPlist(bytes)).toBe(7);
  });

  it('keeps unicode text from UTF-8 bytes', () => {
    const bytes = new TextEncoder().encode(plist('<string>Grüße ☃ 😀 日本</string>'));
    expect(parseXmlPlist(bytes)).toBe('Grüße ☃ 😀 日本');
  });

  it('preserves whitespace inside strings', () => {
    expect(parse('<string>  two\n\tlines  </string>')).toBe('  two\n\tlines  ');
  });
});

describe('parseXmlPlist: integers and reals', () => {
  it('returns safe integers as numbers and larger ones as exact bigints', () => {
    expect(parse('<integer>9007199254740991</integer>')).toBe(9007199254740991);
    expect(parse('<integer>-9007199254740991</integer>')).toBe(-9007199254740991);
    expect(parse('<integer>9007199254740993</integer>')).toBe(9007199254740993n);
    expect(parse('<integer>-9223372036854775808</integer>')).toBe(-9223372036854775808n);
    expect(parse('<integer>18446744073709551615</integer>')).toBe(18446744073709551615n);
    expect(parse('<integer>170141183460469231731687303715884105727</integer>')).toBe(2n ** 127n - 1n);
  });

  it('normalizes signs and surrounding whitespace', () => {
    expect(Object.is(parse('<integer>-0</integer>'), 0)).toBe(true);
    expect(parse('<integer> +12 </integer>')).toBe(12);
  });

  it.each(['', '1.5', '0x10', '1e3', '--1', '12a', '170141183460469231731687303715884105728', '9'.repeat(400)])(
    'rejects <integer>%s</integer>',
    (text) => expectCode(() => parse(`<integer>${text}</integer>`), 'plist.invalid_integer'),
  );

  it('reads decimal reals and the special values', () => {
    expect(parse('<real>-2.5e3</real>')).toBe(-2500);
    expect(parse('<real>.5</real>')).toBe(0.5);
    expect(parse('<real>7</real>')).toBe(7);
    expect(parse('<real>nan</real>')).toBeNaN();
    expect(parse('<real>+infinity</real>')).toBe(Infinity);
    expect(parse('<real>-inf</real>')).toBe(-Infinity);
  });

  it.each(['', 'abc', '0x10', '1e', '.', '1..2', 'Infinity1', '0b1'])('rejects <real>%s</real>', (text) =>
    expectCode(() => parse(`<real>${text}</real>`), 'plist.invalid_real'),
  );
});

describe('parseXmlPlist: dates and data', () => {
  it.each([
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:60Z',
    '2024-01-01T00:00:00',
    '2024-01-01T00:00:00.000Z',
    '2024-01-01 00:00:00Z',
    '2024-01-01T00:00:00+01:00',
    '',
  ])('rejects <date>%s</date>', (text) => expectCode(() => parse(`<date>${text}</date>`), 'plist.invalid_date'));

  it('reads years before 100 as written', () => {
    expect((parse('<date>0099-12-31T00:00:00Z</date>') as Date).getUTCFullYear()).toBe(99);
  });

  it('ignores whitespace anywhere in <data>', () => {
    expect(parse('<data>\n\t\tAA\r\nEC\n\t\t/w= =\n\t</data>')).toEqual(Uint8Array.of(0, 1, 2, 255));
  });

  it.each(['AAEC/w=', 'AAEC/w', 'AA=EC/w=', 'AAEC/w===', 'AAEC-w==', 'AAEC_w==', 'AAEC/w==A', 'AA!C', 'ÄAEC', 'ŁUJD', 'AA\fEC/w=='])(
    'rejects <data>%s</data>',
    (text) => expectCode(() => parse(`<data>${text}</data>`), 'plist.invalid_base64'),
  );
});

describe('parseXmlPlist: dictionaries', () => {
  it('returns null-prototype dictionaries whose __proto__, constructor and prototype keys are plain data', () => {
    const value = parse(`<dict>
      <key>__proto__</key><dict><key>polluted</key><true/></dict>
      <key>constructor</key><dict><key>prototype</key><dict><key>polluted</key><true/></dict></dict>
      <key>prototype</key><string>p</string>
    </dict>`) as PlistDict;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(value['__proto__']).toEqual({ polluted: true });
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getPrototypeOf(value['constructor'])).toBeNull();
  });

  it('rejects a value where a key belongs', () => {
    expectCode(() => parse('<dict><string>v</string></dict>'), 'plist.invalid_dict');
  });

  it('rejects a key without a value', () => {
    expectCode(() => parse('<dict><key>a</key></dict>'), 'plist.invalid_dict');
  });

  it('rejects two keys in a row and a key outside a dictionary', () => {
    expectCode(() => parse('<dict><key>a</key><key>b</key><true/></dict>'), 'plist.invalid_dict');
    expectCode(() => parse('<array><key>a</key></array>'), 'plist.invalid_dict');
  });

  it('rejects a duplicate key', () => {
    expectCode(() => parse('<dict><key>a</key><true/><key>a</key><false/></dict>'), 'plist.duplicate_key');
  });
});

describe('parseXmlPlist: malformed documents', () => {
  it.each([
    ['an unclosed element', '<array><true/>'],
    ['mismatched end tags', '<array></dict>'],
    ['text between elements', '<array>text<true/></array>'],
    ['CDATA between elements', '<array><![CDATA[x]]></array>'],
    ['two root values', '<true/><false/>'],
    ['an element inside a string', '<string>a<b/>c</string>'],
    ['an unterminated comment', '<array><!-- </array>'],
    ['an unterminated CDATA section', '<string><![CDATA[x</string>'],
    ['an unterminated reference', '<string>&amp</string>'],
    ['a bare ampersand', '<string>a & b</string>'],
    ['a reference to NUL', '<string>&#0;</string>'],
    ['a reference to a surrogate', '<string>&#xD800;</string>'],
    ['a reference beyond Unicode', '<string>&#x110000;</string>'],
    ['a malformed numeric reference', '<string>&#x;&#12a;</string>'],
    ['an unterminated attribute', '<string a="x>y</string>'],
  ])('rejects %s', (_name, body) => expectCode(() => parse(body), 'plist.malformed_xml'));

  it.each([
    ['an empty document', ''],
    ['only a declaration', '<?xml version="1.0"?>'],
    ['a root other than <plist>', '<dict/>'],
    ['an empty <plist/>', '<plist/>'],
    ['a <plist> without a value', '<plist></plist>'],
    ['content after </plist>', '<plist><true/></plist><true/>'],
    ['text after </plist>', '<plist><true/></plist>x'],
    ['a truncated document', '<plist><dict><key>a</key><str'],
    ['a stray byte before the declaration', '\u0001<?xml version="1.0"?><plist><true/></plist>'],
  ])('rejects %s', (_name, text) => expectCode(() => parseXmlPlist(text), 'plist.malformed_xml'));

  it('rejects bytes that are not UTF-8', () => {
    expectCode(() => parseXmlPlist(Uint8Array.of(0x3c, 0x70, 0xff, 0x3e)), 'plist.invalid_utf8');
  });

  it('rejects entities other than the predefined five', () => {
    expectCode(() => parse('<string>&nbsp;</string>'), 'plist.unknown_entity');
    expectCode(() => parse('<string>&lol9;</string>'), 'plist.unknown_entity');
  });

  it('rejects elements that are not plist types', () => {
    expectCode(() => parse('<array><foo/></array>'), 'plist.unknown_element');
    expectCode(() => parse('<set><true/></set>'), 'plist.unknown_element');
  });

  it('rejects <true> and <false> with content', () => {
    expectCode(() => parse('<true>yes</true>'), 'plist.invalid_boolean');
  });
});

describe('parseXmlPlist: DOCTYPE', () => {
  it('accepts the plain Apple DOCTYPE and other external-only ones', () => {
    expect(parse('<true/>')).toBe(true);
    expect(parseXmlPlist('<!DOCTYPE plist SYSTEM "file://localhost/System/Library/DTDs/PropertyList.dtd"><plist><true/></plist>')).toBe(true);
    expect(parseXmlPlist('<!DOCTYPE plist><plist><true/></plist>')).toBe(true);
  });

  it('rejects a DOCTYPE with an internal subset', () => {
    expectCode(() => parseXmlPlist('<!DOCTYPE plist [ ]><plist><true/></plist>'), 'plist.doctype_forbidden');
    expectCode(
      () => parseXmlPlist('<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "x.dtd" [<!ENTITY a "b">]><plist/>'),
      'plist.doctype_forbidden',
    );
  });

  it('rejects <!ENTITY wherever it appears', () => {
    expectCode(() => parseXmlPlist('<!ENTITY a "b"><plist><true/></plist>'), 'plist.doctype_forbidden');
    expectCode(() => parseXmlPlist('<!DOCTYPE plist <!ENTITY a "b">><plist><true/></plist>'), 'plist.doctype_forbidden');
    expectCode(() => parse('<array><!ENTITY a "b"></array>'), 'plist.doctype_forbidden');
    expectCode(() => parse('<string><!ENTITY a "b"></string>'), 'plist.doctype_forbidden');
  });

  it('keeps a "[" inside a quoted DOCTYPE literal from counting as a subset', () => {
    expect(parseXmlPlist('<!DOCTYPE plist PUBLIC "a[b" "c]d"><plist><true/></plist>')).toBe(true);
  });

  it('rejects a second DOCTYPE and an unterminated one', () => {
    expectCode(() => parseXmlPlist('<!DOCTYPE plist><!DOCTYPE plist><plist><true/></plist>'), 'plist.malformed_xml');
    expectCode(() => parseXmlPlist('<!DOCTYPE plist PUBLIC "x"'), 'plist.malformed_xml');
  });
});

describe('parseXmlPlist: limits', () => {
  it('rejects nesting deeper than maxDepth and accepts exactly maxDepth', () => {
    const nested = (depth: number) => `${'<array>'.repeat(depth)}${'</array>'.repeat(depth)}`;
    expect(parseXmlPlist(plist(nested(4)), { maxDepth: 4 })).toEqual([[[[]]]]);
    expectCode(() => parseXmlPlist(plist(nested(5)), { maxDepth: 4 }), 'plist.too_deep');
  });

  it('counts values and keys against maxNodes', () => {
    const body = '<dict><key>a</key><true/><key>b</key><true/></dict>';
    expect(parseXmlPlist(plist(body), { maxNodes: 5 })).toEqual({ a: true, b: true });
    expectCode(() => parseXmlPlist(plist(body), { maxNodes: 4 }), 'plist.too_many_nodes');
  });

  it('rejects input longer than maxBytes', () => {
    const text = plist('<true/>');
    expectCode(() => parseXmlPlist(text, { maxBytes: text.length - 1 }), 'plist.too_large');
    expectCode(() => parseXmlPlist(new TextEncoder().encode(text), { maxBytes: 10 }), 'plist.too_large');
  });
});
