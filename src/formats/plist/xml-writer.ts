import { encodeBase64 } from './base64.js';
import { formatIsoDate } from './dates.js';
import { plistError } from './errors.js';
import { NestingGuard } from './nesting-guard.js';
import type { PlistDict, PlistValue } from './types.js';
import { classify, isEncodableInteger } from './values.js';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
  '<plist version="1.0">\n';

/**
 * Writes a value as an XML property list in the layout Apple's tools produce: the standard
 * header, tab indentation, dictionary keys sorted, empty containers as `<array/>` and `<dict/>`,
 * dates in whole seconds and `<data>` as base64 lines within 76 columns.
 */
export function writeXmlPlist(value: PlistValue): string {
  const out: string[] = [HEADER];
  writeValue(out, value, 0, new NestingGuard());
  out.push('</plist>\n');
  return out.join('');
}

function writeValue(out: string[], value: PlistValue, level: number, guard: NestingGuard): void {
  const indent = '\t'.repeat(level);
  const item = classify(value);
  switch (item.kind) {
    case 'string':
      out.push(`${indent}<string>${escapeText(item.value)}</string>\n`);
      return;
    case 'integer':
      out.push(`${indent}<integer>${formatInteger(item.value)}</integer>\n`);
      return;
    case 'real':
      out.push(`${indent}<real>${formatReal(item.value)}</real>\n`);
      return;
    case 'boolean':
      out.push(`${indent}${item.value ? '<true/>' : '<false/>'}\n`);
      return;
    case 'date':
      out.push(`${indent}<date>${formatIsoDate(item.value)}</date>\n`);
      return;
    case 'data':
      writeData(out, item.value, level, indent);
      return;
    case 'array':
      writeArray(out, item.value, level, indent, guard);
      return;
    case 'dict':
      writeDict(out, item.value, level, indent, guard);
      return;
  }
}

function writeArray(out: string[], items: PlistValue[], level: number, indent: string, guard: NestingGuard): void {
  guard.enter(items);
  if (items.length === 0) {
    out.push(`${indent}<array/>\n`);
  } else {
    out.push(`${indent}<array>\n`);
    for (const item of items) writeValue(out, item, level + 1, guard);
    out.push(`${indent}</array>\n`);
  }
  guard.leave(items);
}

function writeDict(out: string[], dict: PlistDict, level: number, indent: string, guard: NestingGuard): void {
  guard.enter(dict);
  const keys = Object.keys(dict).sort();
  if (keys.length === 0) {
    out.push(`${indent}<dict/>\n`);
  } else {
    out.push(`${indent}<dict>\n`);
    for (const key of keys) {
      out.push(`${indent}\t<key>${escapeText(key)}</key>\n`);
      writeValue(out, dict[key] as PlistValue, level + 1, guard);
    }
    out.push(`${indent}</dict>\n`);
  }
  guard.leave(dict);
}

/** Base64 lines as CoreFoundation wraps them: 76 columns, a tab counting as 8, at least 16 characters. */
function writeData(out: string[], bytes: Uint8Array, level: number, indent: string): void {
  const width = Math.max(16, 76 - 8 * level) & ~3;
  const text = encodeBase64(bytes);
  out.push(`${indent}<data>\n`);
  for (let i = 0; i < text.length; i += width) out.push(`${indent}${text.slice(i, i + width)}\n`);
  out.push(`${indent}</data>\n`);
}

const SPECIAL_CHARACTERS = /[&<>\r]/;
const SPECIAL_CHARACTERS_GLOBAL = /[&<>\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/**
 * Escapes text content as Apple does (`&`, `<`, `>`), plus carriage returns: a conforming XML
 * reader would otherwise turn "\r\n" into "\n" and the string would not survive a round trip.
 */
function escapeText(text: string): string {
  if (!SPECIAL_CHARACTERS.test(text)) return text;
  return text.replace(SPECIAL_CHARACTERS_GLOBAL, (char) => ESCAPES[char] as string);
}

function formatInteger(value: number | bigint): string {
  if (typeof value === 'bigint' && !isEncodableInteger(value)) {
    throw plistError('plist.unencodable', `integer ${value} does not fit in 128 bits`);
  }
  return String(value);
}

/** CoreFoundation's spellings for the values `String()` would write as NaN and Infinity. */
function formatReal(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return '+infinity';
  if (value === -Infinity) return '-infinity';
  return Object.is(value, -0) ? '-0' : String(value);
}
