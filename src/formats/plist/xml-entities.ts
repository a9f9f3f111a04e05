import { plistError } from './errors.js';

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Longest reference we look for a `;` in: `&#x10FFFF;` and the predefined names are shorter. */
const MAX_REFERENCE_LENGTH = 12;

/**
 * Replaces the five predefined entities and numeric character references in character data.
 * Any other `&name;` is `plist.unknown_entity`, a malformed reference `plist.malformed_xml`:
 * there are no user-defined entities, so there is nothing to expand recursively.
 */
export function decodeEntities(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', copiedUpTo)) {
    const semicolon = text.indexOf(';', amp);
    if (semicolon < 0 || semicolon - amp > MAX_REFERENCE_LENGTH) {
      throw plistError('plist.malformed_xml', `unterminated entity reference "${text.slice(amp, amp + 10)}"`);
    }
    out += text.slice(copiedUpTo, amp) + resolveReference(text.slice(amp + 1, semicolon));
    copiedUpTo = semicolon + 1;
  }
  return out + text.slice(copiedUpTo);
}

function resolveReference(name: string): string {
  if (name.startsWith('#')) return resolveCharacterReference(name);
  const replacement = PREDEFINED.get(name);
  if (replacement === undefined) throw plistError('plist.unknown_entity', `unknown entity "&${name};"`);
  return replacement;
}

function resolveCharacterReference(name: string): string {
  const hex = name.startsWith('#x');
  const digits = name.slice(hex ? 2 : 1);
  const valid = digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits);
  const codePoint = valid ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
  if (!isAllowedCodePoint(codePoint)) {
    throw plistError('plist.malformed_xml', `invalid character reference "&${name};"`);
  }
  return String.fromCodePoint(codePoint);
}

/** XML forbids references to NUL, to surrogates and beyond Unicode's range. */
function isAllowedCodePoint(codePoint: number): boolean {
  return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
}
