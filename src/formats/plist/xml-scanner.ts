import { excerpt, plistError } from './errors.js';
import type { PlistErrorCode } from './errors.js';
import { decodeEntities } from './xml-entities.js';
import { isXmlWhitespace } from './xml-chars.js';

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?

/**
 * A single forward pass over XML text: tags, character data, comments, processing instructions
 * and CDATA. It knows nothing about plists; every method advances `pos` or throws. This is the
 * hot path of provisioning-profile parsing, hence character codes instead of string compares.
 */
export class XmlScanner {
  pos = 0;
  /** Whether the tag `readTag` read last was an end tag `</name>`. */
  closing = false;
  /** Whether the tag `readTag` read last was an empty-element tag `<name/>`. */
  selfClosing = false;
  /** Position of the next `&` at or after some earlier `pos`; see `ampersandBefore`. */
  private nextAmpersand = -1;

  constructor(readonly text: string) {}

  /** Throws `code` with the current offset in the message. */
  fail(code: PlistErrorCode, problem: string): never {
    throw plistError(code, `${problem} at offset ${this.pos}`);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  skipWhitespace(): void {
    const { text } = this;
    let pos = this.pos;
    while (pos < text.length && isXmlWhitespace(text.charCodeAt(pos))) pos++;
    this.pos = pos;
  }

  /** Skips whitespace, comments and processing instructions; stops at anything else. */
  skipMisc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== LT) return;
      const next = this.text.charCodeAt(this.pos + 1);
      if (next === QUESTION) this.skipProcessingInstruction();
      else if (next === BANG && this.startsWith('<!--')) this.skipComment();
      else return;
    }
  }

  skipComment(): void {
    this.pos = this.endOf('-->', this.pos + 4, 'unterminated comment');
  }

  skipProcessingInstruction(): void {
    this.pos = this.endOf('?>', this.pos + 2, 'unterminated processing instruction');
  }

  /**
   * Reads `<name attr="…">`, `<name/>` or `</name>` at the current position and returns the
   * name; `closing` and `selfClosing` tell which form it was.
   */
  readTag(): string {
    const { text } = this;
    if (text.charCodeAt(this.pos) !== LT) this.fail('plist.malformed_xml', 'expected a tag');
    this.closing = text.charCodeAt(this.pos + 1) === SLASH;
    this.pos += this.closing ? 2 : 1;
    const name = this.readName();
    if (!this.closing) this.skipAttributes();
    this.skipWhitespace();
    this.selfClosing = !this.closing && text.charCodeAt(this.pos) === SLASH;
    if (this.selfClosing) this.pos++;
    if (text.charCodeAt(this.pos) !== GT) this.fail('plist.malformed_xml', `malformed tag <${excerpt(name)}>`);
    this.pos++;
    return name;
  }

  /** Reads the end tag `</name>`, allowing only whitespace, comments and PIs before it. */
  expectEndTag(name: string): void {
    if (this.text.charCodeAt(this.pos) !== LT || !this.skipExactEndTag(name)) {
      this.skipMisc();
      const found = this.readTag();
      if (!this.closing || found !== name) this.fail('plist.malformed_xml', `expected </${name}>`);
    }
  }

  /**
   * Reads character data up to and including `</name>`: entities decoded, CDATA kept verbatim,
   * comments and PIs dropped. A child element is `plist.malformed_xml`.
   */
  readText(name: string): string {
    let out = '';
    for (;;) {
      const lt = this.text.indexOf('<', this.pos);
      if (lt < 0) this.fail('plist.malformed_xml', `unterminated <${name}>`);
      if (lt > this.pos) out += this.characterData(lt);
      this.pos = lt;
      const next = this.text.charCodeAt(lt + 1);
      if (next === SLASH) break;
      if (next === QUESTION) this.skipProcessingInstruction();
      else if (this.startsWith('<![CDATA[')) out += this.readCdata();
      else if (this.startsWith('<!--')) this.skipComment();
      else this.failAtMarkup(`inside <${name}>`);
    }
    this.expectEndTag(name);
    return out;
  }

  /**
   * Throws for markup that has no place here. `<!ENTITY` gets its own code wherever it appears:
   * entity declarations are what billion-laughs attacks are made of.
   */
  failAtMarkup(where: string): never {
    if (this.startsWith('<!ENTITY')) this.fail('plist.doctype_forbidden', 'entity declaration');
    this.fail('plist.malformed_xml', `unexpected markup ${where}`);
  }

  /** Skips a single- or double-quoted literal. */
  skipQuoted(): void {
    const quote = this.text.charCodeAt(this.pos);
    if (quote !== 0x22 && quote !== 0x27) this.fail('plist.malformed_xml', 'expected a quoted value');
    const close = this.text.indexOf(quote === 0x22 ? '"' : "'", this.pos + 1);
    if (close < 0) this.fail('plist.malformed_xml', 'unterminated quoted value');
    this.pos = close + 1;
  }

  /** The common case of an end tag: `</name>` with nothing in between. */
  private skipExactEndTag(name: string): boolean {
    const { text, pos } = this;
    const end = pos + 2 + name.length;
    if (text.charCodeAt(pos + 1) !== SLASH || text.charCodeAt(end) !== GT) return false;
    for (let i = 0; i < name.length; i++) if (text.charCodeAt(pos + 2 + i) !== name.charCodeAt(i)) return false;
    this.pos = end + 1;
    return true;
  }

  private characterData(end: number): string {
    const raw = this.text.slice(this.pos, end);
    return this.ampersandBefore(end) ? decodeEntities(raw) : raw;
  }

  /**
   * Whether an `&` occurs between `pos` and `end`. The position of the next `&` is remembered,
   * so the document is searched once in total rather than once per run of text (most plists
   * have no `&` at all).
   */
  private ampersandBefore(end: number): boolean {
    if (this.nextAmpersand < this.pos) {
      const found = this.text.indexOf('&', this.pos);
      this.nextAmpersand = found < 0 ? Infinity : found;
    }
    return this.nextAmpersand < end;
  }

  private readCdata(): string {
    const start = this.pos + '<![CDATA['.length;
    this.pos = this.endOf(']]>', start, 'unterminated CDATA section');
    return this.text.slice(start, this.pos - 3);
  }

  private readName(): string {
    const { text } = this;
    const start = this.pos;
    let pos = start;
    while (pos < text.length && isNameCode(text.charCodeAt(pos))) pos++;
    if (pos === start) this.fail('plist.malformed_xml', 'expected a tag name');
    this.pos = pos;
    return text.slice(start, pos);
  }

  /** Attributes are checked for shape and ignored: plist elements carry no meaning in them. */
  private skipAttributes(): void {
    for (;;) {
      const before = this.pos;
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.pos);
      if (code === GT || code === SLASH || this.atEnd()) return;
      if (this.pos === before) this.fail('plist.malformed_xml', 'expected whitespace before an attribute');
      this.readName();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x3d /* = */) this.fail('plist.malformed_xml', 'expected "=" in attribute');
      this.pos++;
      this.skipWhitespace();
      this.skipQuoted();
    }
  }

  /** Position just after the next `terminator` at or after `from`. */
  private endOf(terminator: string, from: number, problem: string): number {
    const found = this.text.indexOf(terminator, from);
    if (found < 0) this.fail('plist.malformed_xml', problem);
    return found + terminator.length;
  }
}

/** 1 for letters, digits and `_ - . :`; plist tag names are ASCII, anything wider is not a plist. */
const NAME_CODES: Uint8Array = buildNameCodes();

function buildNameCodes(): Uint8Array {
  const table = new Uint8Array(128);
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:';
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

function isNameCode(code: number): boolean {
  return code < 128 && NAME_CODES[code] === 1;
}
