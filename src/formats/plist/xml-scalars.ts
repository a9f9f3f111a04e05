import { isEncodableInteger, normalizeInteger } from './values.js';
import { trimXmlWhitespace } from './xml-chars.js';

/** Digits in the largest 128-bit integer; longer input is rejected before any BigInt work. */
const MAX_INTEGER_DIGITS = 39;
/** Up to this many digits a decimal integer is always a safe `number`. */
const SAFE_INTEGER_DIGITS = 15;

/**
 * Reads the text of an `<integer>`: optional sign, decimal digits, surrounding XML whitespace
 * allowed. Safe integers come back as `number`, larger ones as `bigint`; undefined when the text
 * is not an integer or does not fit 128 bits.
 */
export function parseIntegerText(raw: string): number | bigint | undefined {
  const text = trimXmlWhitespace(raw);
  const sign = text.charCodeAt(0);
  const digitsStart = sign === 0x2d /* - */ || sign === 0x2b /* + */ ? 1 : 0;
  const digitCount = text.length - digitsStart;
  if (digitCount === 0 || digitCount > MAX_INTEGER_DIGITS) return undefined;
  if (!isDigits(text, digitsStart, text.length)) return undefined;
  if (digitCount > SAFE_INTEGER_DIGITS) {
    const value = BigInt(text);
    return isEncodableInteger(value) ? normalizeInteger(value) : undefined;
  }
  // Accumulating digits is several times faster than Number() on a short string.
  let magnitude = 0;
  for (let i = digitsStart; i < text.length; i++) magnitude = magnitude * 10 + text.charCodeAt(i) - 0x30;
  return sign === 0x2d && magnitude !== 0 ? -magnitude : magnitude;
}

const SPECIAL_REALS: ReadonlyMap<string, number> = new Map([
  ['nan', Number.NaN],
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);

/**
 * Reads the text of a `<real>`: a decimal number with optional fraction and exponent, or one of
 * the spellings CoreFoundation uses for NaN and infinities. Undefined for anything else
 * (`Number()` alone would accept hex, binary and empty strings).
 */
export function parseRealText(raw: string): number | undefined {
  const text = trimXmlWhitespace(raw);
  const special = SPECIAL_REALS.get(text.toLowerCase());
  if (special !== undefined) return special;
  return isDecimalNumber(text) ? Number(text) : undefined;
}

function isDecimalNumber(text: string): boolean {
  let i = text.startsWith('-') || text.startsWith('+') ? 1 : 0;
  const integerStart = i;
  i = skipDigits(text, i);
  let mantissaDigits = i - integerStart;
  if (text.charCodeAt(i) === 0x2e /* . */) {
    const fractionStart = ++i;
    i = skipDigits(text, i);
    mantissaDigits += i - fractionStart;
  }
  if (mantissaDigits === 0) return false;
  const exponentMark = text.charCodeAt(i);
  if (exponentMark === 0x65 /* e */ || exponentMark === 0x45 /* E */) {
    i++;
    if (text.charCodeAt(i) === 0x2b /* + */ || text.charCodeAt(i) === 0x2d /* - */) i++;
    const exponentStart = i;
    i = skipDigits(text, i);
    if (i === exponentStart) return false;
  }
  return i === text.length;
}

function skipDigits(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
