import type { MappingContext } from '../context.js';
import { asText, type FrontMatter } from './header-values.js';
import type { SourcePath } from './source-path.js';

/**
 * Old URL paths of the post on its former site: Jekyll `permalink` and `redirect_from`
 * (jekyll-redirect-from), Hugo `aliases`. Hugo resolves a relative alias against the
 * page's folder; PowerShell docs reuse `aliases` for command aliases (`%`, `foreach`),
 * so an alias counts only when it looks like a path.
 */
export function redirectsOf(fm: FrontMatter, source: SourcePath, ctx: MappingContext): string[] {
  const paths = new Set<string>();
  const collect = (key: string, texts: string[], base: string): void => {
    for (const text of texts) {
      const path = normalisePath(text, base);
      if (path) paths.add(path);
      else ctx.warn(ctx.lineOf(key), `${key}: "${text}" is not a path on this site; skipped`);
    }
  };
  const permalink = asText(fm['permalink']);
  // `/:categories/:title/` is a pattern, not an address.
  if (permalink !== null && !permalink.includes('/:')) collect('permalink', [permalink], '');
  collect('redirect_from', listOf(fm['redirect_from']), '');
  const aliases = listOf(fm['aliases']).filter((a) => a.includes('/') || a.endsWith('.html'));
  if (aliases.length > 0) collect('aliases', aliases, hugoAliasBase(source));
  return [...paths];
}

function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(asText).filter((t): t is string => t !== null);
}

// Hugo: "." is the level of the page itself, so a page's alias base is its URL's parent.
function hugoAliasBase(source: SourcePath): string {
  const folders = source.folders;
  const content = folders.lastIndexOf('content');
  const inSite = content === -1 ? folders : folders.slice(content + 1);
  return (source.isIndex ? inSite.slice(0, -1) : inSite).join('/');
}

/** Absolute, dot-free URL path, keeping a trailing slash; '' when the text is not one. */
export function normalisePath(text: string, base: string): string {
  const path = text.trim();
  // A full URL names another site (Hugo rejects such aliases); so does anything with spaces.
  if (path === '' || /\s/.test(path) || /^[a-z][a-z0-9+.-]*:/i.test(path)) return '';
  const joined = path.startsWith('/') ? path : `${base}/${path}`;
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  if (out.length === 0) return '/';
  return `/${out.join('/')}${path.endsWith('/') ? '/' : ''}`;
}
