import { utcFromFields, wallTimeToUtc } from './time-zone.js';

export type DateParse = { ok: true; date: Date } | { ok: false; impossible: boolean; message: string };

// ISO 8601 and the looser forms Jekyll (Ruby Time.parse) and YAML 1.1 accept:
// `2013-11-22 5:00:00 +0000`, `2021-01-21T09:21:21.347Z`, `2019-07-31`, `2021-01-19 10:00`.
const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?[ \t]*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;

// RFC 2822 as Hugo front matter writes it: `Fri, 22 Feb 2019 19:12:24 +0000`.
const RFC_2822 =
  /^(?:[a-z]{3},?[ \t]+)?(\d{1,2})[ \t]+([a-z]{3})[a-z]*[ \t]+(\d{2}|\d{4})[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]*(Z|UT|UTC|GMT|[ECMP][SD]T|[+-]\d{4})?$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const US_ZONES: Record<string, number> = {
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
};

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes ahead of UTC, or null when the text names no offset. */
  offset: number | null;
}

/**
 * Parses a front-matter date. Text without an offset is wall time in `timeZone`; a date
 * without a time is midnight there. Impossible values (2021-02-30, 25:00) are reported as
 * such, distinct from text that is not a date at all.
 */
export function parseDate(text: string, timeZone: string): DateParse {
  const trimmed = text.trim();
  const fields = isoFields(trimmed) ?? rfc2822Fields(trimmed);
  if (!fields) return { ok: false, impossible: false, message: `"${clip(trimmed)}" is not a date` };
  const problem = impossibility(fields);
  if (problem)
    return {
      ok: false,
      impossible: true,
      message: `"${clip(trimmed)}" is not a real date (${problem})`,
    };

  const wall = utcFromFields(
    fields.year,
    fields.month,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.ms,
  );
  const ms = fields.offset === null ? wallTimeToUtc(timeZone, wall) : wall - fields.offset * 60_000;
  return { ok: true, date: new Date(ms) };
}

function isoFields(text: string): Fields | null {
  const m = ISO_LIKE.exec(text);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
    offset: m[8] ? offsetMinutes(m[8]) : null,
  };
}

function rfc2822Fields(text: string): Fields | null {
  const m = RFC_2822.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return null;
  const shortYear = Number(m[3]);
  return {
    year: m[3]!.length === 2 ? (shortYear < 50 ? 2000 + shortYear : 1900 + shortYear) : shortYear,
    month,
    day: Number(m[1]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    ms: 0,
    // RFC 2822 says a missing zone means UTC-ish "-0000"; treat it as unknown instead.
    offset: m[7] ? offsetMinutes(m[7]) : null,
  };
}

function offsetMinutes(zone: string): number {
  const upper = zone.toUpperCase();
  if (upper === 'Z' || upper === 'UT' || upper === 'UTC' || upper === 'GMT') return 0;
  const named = US_ZONES[upper];
  if (named !== undefined) return named * 60;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function impossibility(f: Fields): string | null {
  if (f.month < 1 || f.month > 12) return `month ${f.month}`;
  const days = new Date(Date.UTC(2000, f.month, 0)).getUTCDate();
  const inMonth = f.month === 2 && !isLeap(f.year) ? 28 : days;
  if (f.day < 1 || f.day > inMonth) return `day ${f.day} of month ${f.month}`;
  if (f.hour > 23 || f.minute > 59 || f.second > 59) return 'time of day';
  if (f.offset !== null && Math.abs(f.offset) > 18 * 60) return 'offset';
  return null;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
