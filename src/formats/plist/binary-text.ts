/** Code units per `String.fromCharCode` call: keeps the argument list far below engine limits. */
const CHUNK = 4096;

/** Decodes a binary plist "ASCII" string. Bytes above 0x7F are read as Latin-1 rather than refused. */
export function decodeLatin1(bytes: Uint8Array, start: number, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString('latin1');
}

/**
 * Decodes `units` big-endian UTF-16 code units. Unpaired surrogates are kept as they are, the way
 * CoreFoundation keeps them, instead of being replaced.
 */
export function decodeUtf16BE(bytes: Uint8Array, start: number, units: number): string {
  const codes = new Uint16Array(units);
  for (let i = 0; i < units; i++) {
    const at = start + 2 * i;
    codes[i] = ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
  }
  let text = '';
  for (let i = 0; i < units; i += CHUNK) text += String.fromCharCode(...codes.subarray(i, i + CHUNK));
  return text;
}
