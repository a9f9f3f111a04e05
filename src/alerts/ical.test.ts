import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from './ical.js';

/** Undoes folding and splits into content lines, as a calendar client reads them. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

describe('iCalendar', () => {
  const stamp = new Date('2026-03-01T08:30:00Z');
  const calendar = buildCalendar(
    'Acme, expiries',
    [{ uid: 'profile-7-expiry@provisio', day: new Date('2026-04-15T13:00:00Z'), summary: 'Profile "Mail; prod" expires', description: 'Apps: Mail, Chat\nDevices: 12' }],
    stamp,
  );

  it('has one VEVENT with UID, DTSTAMP, an all-day DTSTART and an escaped SUMMARY', () => {
    const lines = unfold(calendar);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    const start = lines.indexOf('BEGIN:VEVENT');
    const event = lines.slice(start, lines.indexOf('END:VEVENT') + 1);
    expect(event).toContain('UID:profile-7-expiry@provisio');
    expect(event).toContain('DTSTAMP:20260301T083000Z');
    expect(event).toContain('DTSTART;VALUE=DATE:20260415');
    expect(event).toContain('DTEND;VALUE=DATE:20260416');
    expect(event).toContain('SUMMARY:Profile "Mail\\; prod" expires');
    expect(event).toContain('DESCRIPTION:Apps: Mail\\, Chat\\nDevices: 12');
  });

  it('ends every line with CRLF and keeps lines within 75 octets', () => {
    expect(calendar.endsWith('\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of calendar.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('folds long lines without splitting a multi-byte character', () => {
    const long = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('escapes backslashes, separators and newlines', () => {
    expect(escapeText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});
