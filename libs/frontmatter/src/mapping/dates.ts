import type { MappingContext } from '../context.js';
import { parseDate } from '../dates/parse-date.js';
import { ParseError } from '../parse-error.js';
import { isGiven, type FrontMatter } from './header-values.js';
import type { SourcePath } from './source-path.js';

const LAST_MODIFIED_KEYS = ['lastmod', 'last_modified_at', 'modified'];

/**
 * `date` from the header, else the Jekyll file-name prefix (midnight in the configured zone).
 * A header date that is impossible or not a date fails the file: publishing it at a guessed
 * time would be worse than asking the author.
 */
export function publishedAtOf(fm: FrontMatter, source: SourcePath, ctx: MappingContext): Date | null {
  const value = fm['date'];
  if (isGiven(value)) {
    const parsed =
      typeof value === 'string'
        ? parseDate(value, ctx.timeZone)
        : { ok: false as const, impossible: false, message: `a ${typeof value} is not a date` };
    if (parsed.ok) return parsed.date;
    throw new ParseError('INVALID_DATE', ctx.lineOf('date'), `date: ${parsed.message}`);
  }
  if (source.datePrefix) {
    const parsed = parseDate(source.datePrefix, ctx.timeZone);
    if (parsed.ok) return parsed.date;
    ctx.warn(null, `file name date ${parsed.message}; the post has no date`);
  }
  return null;
}

/** Hugo `lastmod` / Jekyll `last_modified_at`; a bad value is only a warning. */
export function lastModifiedAtOf(fm: FrontMatter, ctx: MappingContext): Date | null {
  for (const key of LAST_MODIFIED_KEYS) {
    const value = fm[key];
    if (!isGiven(value)) continue;
    if (typeof value === 'string') {
      const parsed = parseDate(value, ctx.timeZone);
      if (parsed.ok) return parsed.date;
      ctx.warn(ctx.lineOf(key), `${key}: ${parsed.message}; ignored`);
    } else {
      ctx.warn(ctx.lineOf(key), `${key}: a ${typeof value} is not a date; ignored`);
    }
  }
  return null;
}
