import { describe, expect, it } from 'vitest';
import { ber } from './ber.js';
import { fromHex, toHex } from './bytes.js';
import { der } from './der.js';
import { decodeAsn1 } from './element.js';
import { toDefiniteLength } from './reencode.js';
import { TagClass } from './tags.js';
import { readBigInt, readBitString, readBoolean, readOctets, readOid, readText, readTime } from './values.js';

const hex = (bytes: Uint8Array): string => toHex(bytes).toUpperCase();

describe('der writer', () => {
  it('encodes integers minimally in two’s complement', () => {
    expect(hex(der.integer(0))).toBe('020100');
    expect(hex(der.integer(127))).toBe('02017F');
    expect(hex(der.integer(128))).toBe('02020080');
    expect(hex(der.integer(-128))).toBe('020180');
    expect(hex(der.integer(-129))).toBe('0202FF7F');
    expect(hex(der.integer(2n ** 64n))).toBe('0209010000000000000000');
  });

  it('encodes byte arrays and hex as unsigned magnitudes', () => {
    expect(hex(der.integer(Uint8Array.of(0, 0, 0x80)))).toBe('02020080');
    expect(hex(der.integerFromHex('FF'))).toBe('020200FF');
    expect(hex(der.integerFromHex('1'))).toBe('020101');
    expect(hex(der.integer(new Uint8Array(0)))).toBe('020100');
  });

  it('encodes OIDs, strings, NULL, BOOLEAN and BIT STRING', () => {
    expect(hex(der.oid('1.2.840.113549.1.7.2'))).toBe('06092A864886F70D010702');
    expect(hex(der.oid('2.5.4.3'))).toBe('0603550403');
    expect(hex(der.utf8String('é'))).toBe('0C02C3A9');
    expect(hex(der.printableString('US'))).toBe('13025553');
    expect(() => der.printableString('a@b')).toThrow(RangeError);
    expect(hex(der.null())).toBe('0500');
    expect(hex(der.boolean(true))).toBe('0101FF');
    expect(hex(der.bitString(Uint8Array.of(0x06), 1))).toBe('03020106');
  });

  it('encodes times with UTCTime before 2050 and GeneralizedTime after', () => {
    const early = new Date('2019-08-30T12:21:27Z');
    const late = new Date('2060-01-01T00:00:00Z');
    expect(new TextDecoder().decode(der.time(early).subarray(2))).toBe('190830122127Z');
    expect(der.time(early)[0]).toBe(0x17);
    expect(new TextDecoder().decode(der.time(late).subarray(2))).toBe('20600101000000Z');
    expect(der.time(late)[0]).toBe(0x18);
  });

  it('sorts SET members by encoding and keeps SEQUENCE order', () => {
    const set = der.set(der.integer(2), der.integer(1), der.null());
    expect(hex(set)).toBe('3108020101020102' + '0500');
    expect(hex(der.sequence(der.integer(2), der.integer(1)))).toBe('3006020102020101');
  });

  it('tags explicitly and implicitly', () => {
    expect(hex(der.explicit(0, der.integer(1)))).toBe('A003020101');
    expect(hex(der.implicit(0, der.set(der.null())))).toBe('A0020500');
    expect(hex(der.implicit(2, der.octetString(Uint8Array.of(9))))).toBe('820109');
    expect(hex(der.tagged(TagClass.application, false, 40, Uint8Array.of(1)))).toBe('5F280101');
  });

  it('uses long-form lengths from 128 content bytes on', () => {
    expect(hex(der.octetString(new Uint8Array(128)).subarray(0, 3))).toBe('048180');
    expect(hex(der.octetString(new Uint8Array(256)).subarray(0, 4))).toBe('04820100');
  });
});

describe('round trips through the reader', () => {
  it('reads back every value type the writer writes', () => {
    const when = new Date('2031-02-03T04:05:06Z');
    const encoded = der.sequence(
      der.integer(-300),
      der.oid('1.2.840.113549.1.1.11'),
      der.utf8String('Provisio Test Root CA'),
      der.printableString('US'),
      der.utcTime(when),
      der.generalizedTime(when),
      der.octetString(Uint8Array.of(1, 2, 3)),
      der.bitString(Uint8Array.of(0xff)),
      der.boolean(false),
    );
    const [integer, oid, utf8, printable, utc, generalized, octets, bits, boolean] = decodeAsn1(encoded).children();
    expect(readBigInt(integer!)).toBe(-300n);
    expect(readOid(oid!)).toBe('1.2.840.113549.1.1.11');
    expect(readText(utf8!)).toBe('Provisio Test Root CA');
    expect(readText(printable!)).toBe('US');
    expect(readTime(utc!)).toEqual(when);
    expect(readTime(generalized!)).toEqual(when);
    expect(readOctets(octets!)).toEqual(Uint8Array.of(1, 2, 3));
    expect(readBitString(bits!).bytes).toEqual(Uint8Array.of(0xff));
    expect(readBoolean(boolean!)).toBe(false);
  });

  it('decodes OIDs with arcs beyond 2^53', () => {
    const oid = '2.25.329800735698586629295641978511506172918';
    expect(readOid(decodeAsn1(der.oid(oid)))).toBe(oid);
  });

  it('concatenates a chunked BER OCTET STRING', () => {
    const payload = new TextEncoder().encode('x'.repeat(2500));
    const chunked = ber.chunkedOctetString(payload, 1000);
    const element = decodeAsn1(chunked);
    expect(element.constructed).toBe(true);
    expect(element.children()).toHaveLength(3);
    expect(readOctets(element)).toEqual(payload);
  });

  it('turns an indefinite-length encoding into the same bytes as the DER writer', () => {
    const inner = [der.integer(1), der.utf8String('a')];
    const indefinite = ber.sequence(ber.explicit(0, ...inner), der.null());
    const definite = der.sequence(der.explicit(0, ...inner), der.null());
    expect(toDefiniteLength(decodeAsn1(indefinite))).toEqual(definite);
  });
});

describe('value readers reject malformed content', () => {
  it.each([
    ['an empty OID', '0600'],
    ['an OID ending mid-arc', '0601 85'],
    ['an OID arc with a leading 0x80', '0602 8001'],
    ['a time with a bad month', '170D 3139313333303132323132375A'],
    ['a BOOLEAN of two octets', '0102 0000'],
    ['an INTEGER without octets', '0200'],
    ['invalid UTF-8', '0C01 FF'],
    ['a BIT STRING with 8 unused bits', '0302 08FF'],
  ])('%s', (_name, encoding) => {
    const element = decodeAsn1(fromHex(encoding));
    const read = (): unknown => {
      if (element.tagNumber === 6) return readOid(element);
      if (element.tagNumber === 23) return readTime(element);
      if (element.tagNumber === 1) return readBoolean(element);
      if (element.tagNumber === 2) return readBigInt(element);
      if (element.tagNumber === 3) return readBitString(element);
      return readText(element);
    };
    expect(read).toThrow(expect.objectContaining({ code: 'asn1.invalid' }));
  });
});
