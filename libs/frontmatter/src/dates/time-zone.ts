const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isUtc(zone: string): boolean {
  return zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT' || zone === 'Etc/GMT';
}

export function isValidTimeZone(zone: string): boolean {
  return isUtc(zone) || formatterFor(zone) !== null;
}

/** Milliseconds the zone is ahead of UTC at the given instant. */
function offsetAt(zone: string, utcMs: number): number {
  const formatter = formatterFor(zone);
  if (!formatter) throw new RangeError(`unknown time zone ${zone}`);
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(utcMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = utcFromFields(
    parts['year']!,
    parts['month']!,
    parts['day']!,
    parts['hour']!,
    parts['minute']!,
    parts['second']!,
    0,
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show the given wall time. Two passes settle
 * DST edges: a time skipped by a spring-forward lands after the gap, as Ruby and Go do.
 */
export function wallTimeToUtc(zone: string, wallAsUtcMs: number): number {
  if (isUtc(zone)) return wallAsUtcMs;
  const first = offsetAt(zone, wallAsUtcMs);
  const guess = wallAsUtcMs - first;
  const second = offsetAt(zone, guess);
  return second === first ? guess : wallAsUtcMs - second;
}

/** Date.UTC without its mapping of years 0–99 to 1900–1999. */
export function utcFromFields(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year);
  return date.getTime();
}
