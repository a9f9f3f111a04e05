import { FormatError } from '../errors.js';
import { readHeader } from './header.js';
import { TagClass, describeTag } from './tags.js';

/**
 * Deepest nesting the reader follows. Certificates and CMS need about 12 levels; the bound keeps
 * hostile input (thousands of nested indefinite-length values) from exhausting the stack.
 */
export const MAX_DEPTH = 64;

/**
 * One decoded ASN.1 element (DER or BER). It holds offsets into the caller's buffer, never a copy:
 * `bytes` and `content` are `subarray` views, so they change if the caller mutates the buffer.
 * Children are decoded on first use.
 */
export class Asn1Element {
  #children: readonly Asn1Element[] | null;

  constructor(
    /** The whole buffer the element was read from. */
    readonly source: Uint8Array,
    readonly tagClass: TagClass,
    readonly constructed: boolean,
    readonly tagNumber: number,
    /** Offset of the identifier octet. */
    readonly start: number,
    /** Offset of the first content octet. */
    readonly contentStart: number,
    /** End of the content (exclusive); for indefinite lengths, where the end-of-contents octets begin. */
    readonly contentEnd: number,
    /** End of the element (exclusive), end-of-contents octets included. */
    readonly end: number,
    /** 0 for the outermost element. */
    readonly depth: number,
    children: readonly Asn1Element[] | null,
  ) {
    this.#children = children;
  }

  /** Identifier, length and content octets (and end-of-contents octets for BER indefinite lengths). */
  get bytes(): Uint8Array {
    return this.source.subarray(this.start, this.end);
  }

  /** The content octets; for a constructed element, the encodings of its children. */
  get content(): Uint8Array {
    return this.source.subarray(this.contentStart, this.contentEnd);
  }

  /** True when the element used the BER indefinite length form. */
  get indefinite(): boolean {
    return this.end !== this.contentEnd;
  }

  is(tagClass: TagClass, tagNumber: number): boolean {
    return this.tagClass === tagClass && this.tagNumber === tagNumber;
  }

  isUniversal(tagNumber: number): boolean {
    return this.tagClass === TagClass.universal && this.tagNumber === tagNumber;
  }

  isContext(tagNumber: number): boolean {
    return this.tagClass === TagClass.context && this.tagNumber === tagNumber;
  }

  /** The elements inside a constructed element; throws `asn1.invalid` for a primitive one. */
  children(): readonly Asn1Element[] {
    if (this.#children) return this.#children;
    if (!this.constructed) {
      throw new FormatError('asn1.invalid', `${this.describe()} is primitive and has no children`);
    }
    this.#children = readChildren(this.source, this.contentStart, this.contentEnd, this.depth + 1);
    return this.#children;
  }

  /** For error messages: the tag and where the element starts. */
  describe(): string {
    return `${describeTag(this.tagClass, this.tagNumber)} at offset ${this.start}`;
  }
}

/**
 * Reads the element at `offset`; it must end by `limit`. An indefinite-length element is read
 * through its end-of-contents octets, which means reading its children right away.
 */
export function readElement(source: Uint8Array, offset: number, limit: number, depth: number): Asn1Element {
  if (depth > MAX_DEPTH) {
    throw new FormatError('asn1.too_deep', `elements nest deeper than ${MAX_DEPTH} levels (at offset ${offset})`);
  }
  const header = readHeader(source, offset, limit);
  const { tagClass, constructed, tagNumber, contentStart, length } = header;
  if (tagClass === TagClass.universal && tagNumber === 0) {
    throw new FormatError('asn1.invalid', `unexpected end-of-contents octets at offset ${offset}`);
  }
  if (length !== null) {
    const end = contentStart + length;
    return new Asn1Element(source, tagClass, constructed, tagNumber, offset, contentStart, end, end, depth, null);
  }
  const children: Asn1Element[] = [];
  let position = contentStart;
  while (!isEndOfContents(source, position, limit)) {
    const child = readElement(source, position, limit, depth + 1);
    children.push(child);
    position = child.end;
  }
  const end = position + 2; // past the end-of-contents octets
  return new Asn1Element(source, tagClass, constructed, tagNumber, offset, contentStart, position, end, depth, children);
}

function readChildren(source: Uint8Array, start: number, end: number, depth: number): Asn1Element[] {
  const children: Asn1Element[] = [];
  let position = start;
  while (position < end) {
    const child = readElement(source, position, end, depth);
    children.push(child);
    position = child.end;
  }
  return children;
}

function isEndOfContents(source: Uint8Array, position: number, limit: number): boolean {
  if (position + 2 > limit) {
    throw new FormatError('asn1.truncated', `an indefinite-length element is missing its end-of-contents octets`);
  }
  return source[position] === 0 && source[position + 1] === 0;
}

/** Options for {@link decodeAsn1}. */
export interface DecodeOptions {
  /** Accept bytes after the element (default: `false`, they are `asn1.invalid`). */
  readonly allowTrailing?: boolean;
}

/**
 * Decodes the single DER or BER element that `bytes` holds.
 *
 * Error codes: `asn1.truncated` (a length points past the input), `asn1.too_deep` (nesting beyond
 * {@link MAX_DEPTH}), `asn1.invalid` (any other malformed encoding, or trailing bytes).
 */
export function decodeAsn1(bytes: Uint8Array, options: DecodeOptions = {}): Asn1Element {
  const element = readElement(bytes, 0, bytes.length, 0);
  if (element.end !== bytes.length && !options.allowTrailing) {
    throw new FormatError('asn1.invalid', `${bytes.length - element.end} unexpected bytes after the element`);
  }
  return element;
}
