/**
 * Strict base64 for `<data>`, decoded by Node's native decoder. That decoder is lenient: it
 * skips characters outside the alphabet, stops at the first `=`, and accepts the URL-safe `-`
 * and `_`. Each skipped character or early stop makes it write fewer bytes than the text's
 * length implies, so comparing the two counts validates the text without a JavaScript loop over
 * every character (which would cost more than the rest of a provisioning profile's parse).
 */

const XML_WHITESPACE = /[\t\n\r ]+/g;
const asciiEncoder = new TextEncoder();
/** Reused by `isAscii`; grows to the longest `<data>` seen. */
let scratch = new Uint8Array(4096);

/**
 * Decodes standard, padded base64. XML whitespace anywhere is ignored; any other character
 * outside the alphabet, missing or misplaced `=` padding, or a length that is not a multiple of
 * four (whitespace aside) makes it return undefined.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const decoded = decodeCompact(text);
  if (decoded !== undefined) return decoded;
  const compact = text.replace(XML_WHITESPACE, '');
  return compact === text ? undefined : decodeCompact(compact);
}

/** Decodes base64 without whitespace; undefined when it is not exactly that. */
function decodeCompact(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !isAscii(text) || text.includes('-') || text.includes('_')) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const expected = (text.length / 4) * 3 - padding;
  const bytes = new Uint8Array(expected);
  const written = Buffer.from(bytes.buffer).write(text, 'base64');
  return written === expected ? bytes : undefined;
}

/**
 * Node's decoder reads a character above U+00FF by its low byte only, so "Ł" (U+0141) would
 * pass as "A": only ASCII text may reach it. UTF-8 of ASCII text is exactly one byte per
 * character.
 */
function isAscii(text: string): boolean {
  if (scratch.length < text.length) scratch = new Uint8Array(text.length);
  const { read, written } = asciiEncoder.encodeInto(text, scratch);
  return read === text.length && written === text.length;
}

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
