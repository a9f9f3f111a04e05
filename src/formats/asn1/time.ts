import { FormatError } from '../errors.js';

// YYMMDDhhmm[ss] then Z or an offset (BER allows both the missing seconds and the offset).
const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/;
// YYYYMMDDhh[mm[ss[.fff]]] then Z, an offset, or nothing (local time, read as UTC).
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/;

/** Decodes UTCTime text; years 50–99 are 1950–1999 and 00–49 are 2000–2049 (RFC 5280). */
export function decodeUtcTime(text: string): Date {
  const match = UTC_TIME.exec(text);
  if (!match) throw invalidTime('UTCTime', text);
  const [, yy, month, day, hour, minute, second, zone] = match;
  const year = Number(yy) + (Number(yy) < 50 ? 2000 : 1900);
  const fields = [year, Number(month), Number(day), Number(hour), Number(minute), Number(second ?? 0)] as const;
  return build('UTCTime', text, fields, 0, zone);
}

/** Decodes GeneralizedTime text, fractions of a second kept to the millisecond. */
export function decodeGeneralizedTime(text: string): Date {
  const match = GENERALIZED_TIME.exec(text);
  if (!match) throw invalidTime('GeneralizedTime', text);
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const milliseconds = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const fields = [
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute ?? 0),
    Number(second ?? 0),
  ] as const;
  return build('GeneralizedTime', text, fields, milliseconds, zone);
}

type TimeFields = readonly [number, number, number, number, number, number];

function build(kind: string, text: string, fields: TimeFields, milliseconds: number, zone: string | undefined): Date {
  const [year, month, day, hour, minute, second] = fields;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    throw invalidTime(kind, text);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  // Date.UTC rolls 31 February into March; a real timestamp round-trips its day of the month.
  if (new Date(utc).getUTCDate() !== day && second !== 60) throw invalidTime(kind, text);
  return new Date(utc - offsetMinutes(zone) * 60_000);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
}

function invalidTime(kind: string, text: string): FormatError {
  return new FormatError('asn1.invalid', `malformed ${kind}: ${JSON.stringify(text.slice(0, 32))}`);
}

/** DER UTCTime text for a date in 1950–2049 (`YYMMDDhhmmssZ`). */
export function encodeUtcTimeText(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 1950 || year > 2049) throw new RangeError(`UTCTime cannot hold the year ${year}`);
  return stamp(date).slice(2);
}

/** DER GeneralizedTime text (`YYYYMMDDhhmmssZ`, no fraction). */
export function encodeGeneralizedTimeText(date: Date): string {
  return stamp(date);
}

function stamp(date: Date): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) throw new RangeError('the date has no four-digit year');
  // 2024-05-01T12:34:56.789Z -> 20240501123456Z
  return `${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}
