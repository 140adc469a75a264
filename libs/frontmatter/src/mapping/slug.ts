import { createHash } from 'node:crypto';
import { slugify } from '../text/slugify.js';
import { asText, type FrontMatter } from './header-values.js';
import type { SourcePath } from './source-path.js';

/**
 * First non-empty of: header `slug`, the last segment of `permalink`, the file name,
 * the source URL's last segment, the title. Every candidate goes through slugify.
 */
export function slugOf(fm: FrontMatter, source: SourcePath, sourceUrl: string | null, title: string): string {
  const candidates = [
    () => asText(fm['slug']),
    () => lastSegment(asText(fm['permalink'])),
    () => source.name,
    () => lastSegment(sourceUrl === null ? null : new URL(sourceUrl).pathname),
    () => title,
  ];
  for (const candidate of candidates) {
    const text = candidate();
    const slug = text === null ? '' : slugify(text);
    if (slug) return slug;
  }
  // Nothing readable anywhere (a file named `???.md` with a title of `???`).
  return `post-${createHash('sha1').update(source.folders.join('/')).update(source.fileName).digest('hex').slice(0, 10)}`;
}

function lastSegment(path: string | null): string | null {
  if (path === null) return null;
  const segments = path.split('/').filter((s) => s !== '' && !s.startsWith(':'));
  const last = segments[segments.length - 1];
  return last === undefined ? null : last.replace(/\.html?$/i, '');
}
