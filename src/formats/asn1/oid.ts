import { FormatError } from '../errors.js';

/**
 * Decodes the content octets of an OBJECT IDENTIFIER into dotted form ("1.2.840.113549").
 * Arcs beyond 2^53 (UUID-based OIDs under 2.25) are decoded exactly through bigint.
 */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0 || (content[content.length - 1]! & 0x80) !== 0) {
    throw new FormatError('asn1.invalid', 'malformed OBJECT IDENTIFIER');
  }
  let text = '';
  let value = 0;
  let arcStart = true;
  for (const octet of content) {
    if (arcStart && octet === 0x80) {
      throw new FormatError('asn1.invalid', 'OBJECT IDENTIFIER arc with a leading zero octet');
    }
    value = value * 128 + (octet & 0x7f);
    if (value > 2 ** 45) return decodeOidExactly(content);
    arcStart = (octet & 0x80) === 0;
    if (!arcStart) continue;
    text += text === '' ? firstArcs(value) : `.${value}`;
    value = 0;
  }
  return text;
}

/** The first subidentifier encodes two arcs: 40 * first + second (first is 0, 1 or 2). */
function firstArcs(value: number | bigint): string {
  if (typeof value === 'bigint') return value < 80n ? firstArcs(Number(value)) : `2.${value - 80n}`;
  const first = value < 40 ? 0 : value < 80 ? 1 : 2;
  return `${first}.${value - first * 40}`;
}

function decodeOidExactly(content: Uint8Array): string {
  let text = '';
  let value = 0n;
  for (const octet of content) {
    value = (value << 7n) | BigInt(octet & 0x7f);
    if ((octet & 0x80) !== 0) continue;
    text += text === '' ? firstArcs(value) : `.${value}`;
    value = 0n;
  }
  return text;
}

/** Encodes a dotted OID into content octets; throws `RangeError` for a malformed one. */
export function encodeOid(dotted: string): Uint8Array {
  if (!/^[0-2](\.(0|[1-9]\d*))+$/.test(dotted)) throw new RangeError(`not an OID: ${dotted}`);
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  const [first, second, ...rest] = arcs as [bigint, bigint, ...bigint[]];
  if (first < 2n && second >= 40n) throw new RangeError(`not an OID: ${dotted}`);
  const octets: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) octets.push(...encodeArc(arc));
  return Uint8Array.from(octets);
}

function encodeArc(arc: bigint): number[] {
  const groups = [Number(arc & 0x7fn)];
  for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) groups.unshift(Number(rest & 0x7fn) | 0x80);
  return groups;
}
