import type { MappingContext } from '../context.js';
import { parseDate } from '../dates/parse-date.js';
import { ParseError } from '../parse-error.js';
import { isGiven, type FrontMatter } from './header-values.js';
import type { SourcePath } from './source-path.js';

const LAST_MODIFIED_KEYS = ['lastmod', 'last_modified_at', 'modified'];
// Hugo's fallbacks for a page's date, after `date` (front matter keys are case-insensitive there).
const PUBLISH_DATE_KEYS = ['publishDate', 'publishdate', 'pubdate', 'published'];
const EXPIRY_DATE_KEYS = ['expiryDate', 'expirydate', 'unpublishdate'];

/**
 * `date` from the header, else Hugo's `publishDate`/`pubdate`/`published`, else the Jekyll
 * file-name prefix (midnight in the configured zone), else `lastmod`/`modified`, as Hugo does.
 * A later `publishDate` wins over `date`: Hugo does not publish the page before it.
 * A header `date` that is impossible or not a date fails the file: publishing it at a guessed
 * time would be worse than asking the author; a bad fallback is only a warning.
 */
export function publishedAtOf(
  fm: FrontMatter,
  source: SourcePath,
  lastModifiedAt: Date | null,
  ctx: MappingContext,
): Date | null {
  const value = fm['date'];
  const publishDate = firstDateOf(fm, PUBLISH_DATE_KEYS, ctx);
  if (isGiven(value)) {
    const parsed =
      typeof value === 'string'
        ? parseDate(value, ctx.timeZone)
        : { ok: false as const, impossible: false, message: `a ${typeof value} is not a date` };
    if (!parsed.ok) throw new ParseError('INVALID_DATE', ctx.lineOf('date'), `date: ${parsed.message}`);
    return publishDate && publishDate > parsed.date ? publishDate : parsed.date;
  }
  if (publishDate) return publishDate;
  if (source.datePrefix) {
    const parsed = parseDate(source.datePrefix, ctx.timeZone);
    if (parsed.ok) return parsed.date;
    ctx.warn(null, `file name date ${parsed.message}; the post has no date`);
  }
  return lastModifiedAt;
}

/** Hugo `lastmod` / Jekyll `last_modified_at`; a bad value is only a warning. */
export function lastModifiedAtOf(fm: FrontMatter, ctx: MappingContext): Date | null {
  return firstDateOf(fm, LAST_MODIFIED_KEYS, ctx);
}

/** Hugo `expiryDate`: from then on the page is no longer published. */
export function expiresAtOf(fm: FrontMatter, ctx: MappingContext): Date | null {
  return firstDateOf(fm, EXPIRY_DATE_KEYS, ctx);
}

// `published: true` is a flag, not a date: only text is read as a date.
function firstDateOf(fm: FrontMatter, keys: string[], ctx: MappingContext): Date | null {
  for (const key of keys) {
    const value = fm[key];
    if (!isGiven(value) || typeof value === 'boolean') continue;
    if (typeof value === 'string') {
      const parsed = parseDate(value, ctx.timeZone);
      if (parsed.ok) return parsed.date;
      if (key === 'published' && /^(?:true|false)$/i.test(value.trim())) continue;
      ctx.warn(ctx.lineOf(key), `${key}: ${parsed.message}; ignored`);
    } else {
      ctx.warn(ctx.lineOf(key), `${key}: a ${typeof value} is not a date; ignored`);
    }
  }
  return null;
}
