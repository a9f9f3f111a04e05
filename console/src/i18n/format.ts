/** Dates, numbers, sizes and lists written the way the chosen language writes them. */
export interface Formatters {
  /** A day, e.g. `17 feb 2026` or `Feb 17, 2026`. */
  date(iso: string): string;
  /** A calendar day the API names as `YYYY-MM-DD` (UTC), written without shifting time zones. */
  day(isoDay: string): string;
  /** The short name of a `YYYY-MM-DD` day's month, e.g. `feb` or `Feb`. */
  month(isoDay: string): string;
  /** A moment, with the time of day. */
  dateTime(iso: string): string;
  number(value: number): string;
  /** A whole percentage, e.g. `45%`. */
  percent(value: number): string;
  /** A file size in decimal units, e.g. `12.4 MB`. */
  bytes(value: number): string;
  /** `A, B and C` / `A, B en C`. */
  list(items: readonly string[]): string;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Formatters for `locale`, made once per language change. */
export function createFormatters(locale: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const byteFormats = BYTE_UNITS.map(
    (unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }),
  );
  return {
    date: (iso) => date.format(new Date(iso)),
    day: (isoDay) => day.format(utcDay(isoDay)),
    month: (isoDay) => month.format(utcDay(isoDay)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    number: (value) => number.format(value),
    percent: (value) => percent.format(value / 100),
    bytes: (value) => formatBytes(value, byteFormats),
    list: (items) => list.format(items),
  };
}

function utcDay(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

function formatBytes(value: number, formats: readonly Intl.NumberFormat[]): string {
  let scaled = value;
  let unit = 0;
  while (scaled >= 1000 && unit < formats.length - 1) {
    scaled /= 1000;
    unit += 1;
  }
  const format = formats[unit];
  return format === undefined ? `${value} B` : format.format(scaled);
}
