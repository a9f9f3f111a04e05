import { plistError } from './errors.js';

/** 2001-01-01T00:00:00Z, the reference date binary plists count seconds from. */
const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1);

/** Converts a binary plist date (seconds since 2001-01-01, UTC) to a `Date`; undefined when unrepresentable. */
export function dateFromAppleSeconds(seconds: number): Date | undefined {
  const date = new Date(APPLE_EPOCH_MS + seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Converts a `Date` to seconds since 2001-01-01, UTC, for the binary writer. */
export function appleSecondsFromDate(date: Date): number {
  return (requireValidTime(date) - APPLE_EPOCH_MS) / 1000;
}

/**
 * Reads Apple's XML date form, exactly `YYYY-MM-DDTHH:MM:SSZ`, with calendar checks
 * (no February 30th, no leap second). Undefined when the text is anything else.
 */
export function parseIsoDate(text: string): Date | undefined {
  if (!hasIsoDateSeparators(text)) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  // digitsAt returns -1 for a non-digit, which every range check below rejects.
  const valid =
    year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59 && seconds >= 0 && seconds <= 59;
  if (!valid) return undefined;
  const days = daysSinceUnixEpoch(year, month, day);
  return new Date(((days * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000);
}

/** `YYYY-MM-DDTHH:MM:SSZ` is 20 characters with these separators at these positions. */
function hasIsoDateSeparators(text: string): boolean {
  return (
    text.length === 20 &&
    text.charCodeAt(4) === 0x2d && // -
    text.charCodeAt(7) === 0x2d && // -
    text.charCodeAt(10) === 0x54 && // T
    text.charCodeAt(13) === 0x3a && // :
    text.charCodeAt(16) === 0x3a && // :
    text.charCodeAt(19) === 0x5a // Z
  );
}

/** The decimal value of `count` digits at `start`, or -1 if any of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date: Howard Hinnant's `days_from_civil`.
 * Plain arithmetic, because the Date setters cost more than the rest of a <date> element.
 */
function daysSinceUnixEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Formats a date as Apple writes it in XML: whole seconds, UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatIsoDate(date: Date): string {
  requireValidTime(date);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw plistError('plist.unencodable', `year ${year} does not fit the XML date format`);
  }
  return `${date.toISOString().slice(0, 19)}Z`;
}

function requireValidTime(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw plistError('plist.unencodable', 'invalid Date');
  return time;
}
