import { FormatError } from '../errors.js';
import { Flag } from './signatures.js';

/** Code page 437 above 0x7F: what zip tools meant before the UTF-8 flag existed. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an entry name. Flagged names must be UTF-8. Unflagged names are tried as strict UTF-8
 * first, because macOS's Archive Utility and many libraries store UTF-8 without setting the flag,
 * and fall back to CP437 only when the bytes are not valid UTF-8.
 */
export function decodeEntryName(raw: Uint8Array, flags: number): string {
  if ((flags & Flag.utf8) !== 0) {
    try {
      return strictUtf8.decode(raw);
    } catch (error) {
      throw new FormatError('zip.corrupt', 'entry name is flagged UTF-8 but is not valid UTF-8', { cause: error });
    }
  }
  try {
    return strictUtf8.decode(raw);
  } catch {
    return decodeCp437(raw);
  }
}

function decodeCp437(raw: Uint8Array): string {
  let name = '';
  for (const byte of raw) {
    name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH.charAt(byte - 0x80);
  }
  return name;
}
