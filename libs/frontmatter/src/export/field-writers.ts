import { EXCERPT_KEYS } from '../mapping/excerpt.js';
import { redirectKey } from '../mapping/redirect-key.js';
import { asText, isGiven, nameOf, type FrontMatter } from '../mapping/header-values.js';
import { isHttpUrl, SOURCE_URL_KEYS } from '../mapping/source-url.js';
import type { ExportableArticle, TagKind } from '../types.js';

export type Field =
  | 'title'
  | 'slug'
  | 'excerpt'
  | 'status'
  | 'publishedAt'
  | 'language'
  | 'sourceUrl'
  | 'authors'
  | 'tags'
  | 'categories'
  | 'identity'
  | 'redirects';

type Writer = (header: FrontMatter, article: ExportableArticle) => void;

/**
 * How each article field goes back into a header: under the key the header already uses
 * for it when there is one (keeping the author's naming), else under the canonical key.
 */
export const FIELD_WRITERS: Record<Field, Writer> = {
  title: (h, a) => void (h['title'] = a.title),
  slug: (h, a) => void (h['slug'] = a.slug),
  excerpt: (h, a) => void (h[EXCERPT_KEYS.find((k) => isGiven(h[k])) ?? 'excerpt'] = a.excerpt),
  status: writeStatus,
  publishedAt: (h, a) => void (h['date'] = a.publishedAt?.toISOString() ?? null),
  language: (h, a) => {
    const key = Object.keys(h).find((k) => /^(?:lang|language|locale)$/i.test(k)) ?? 'lang';
    h[key] = a.language;
  },
  sourceUrl: writeSourceUrl,
  authors: writeAuthors,
  tags: (h, a) => writeTags(h, a, 'TAG', 'tags', 'tag'),
  categories: (h, a) => writeTags(h, a, 'CATEGORY', 'categories', 'category'),
  // `id` is what the import reads first as a post's identity.
  identity: (h, a) => void (h['id'] = a.importKey),
  redirects: writeRedirects,
};

function writeStatus(header: FrontMatter, article: ExportableArticle): void {
  const published = article.status === 'PUBLISHED';
  if ('draft' in header) header['draft'] = !published;
  if ('published' in header || !('draft' in header)) header['published'] = published;
}

/**
 * Old paths the header does not give yet go under Hugo `aliases` when the header has them,
 * else under `redirect_from` (jekyll-redirect-from), as absolute paths.
 */
function writeRedirects(header: FrontMatter, article: ExportableArticle): void {
  const key = isGiven(header['aliases']) ? 'aliases' : 'redirect_from';
  const current = header[key];
  const items: unknown[] = Array.isArray(current) ? [...current] : isGiven(current) ? [current] : [];
  const given = new Set(
    [header['permalink'], header['aliases'], header['redirect_from']]
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .map(asText)
      .map((t) => (t === null ? null : redirectKey(t))),
  );
  for (const path of article.redirects ?? []) {
    const key = redirectKey(path);
    if (!given.has(key)) {
      items.push(path);
      given.add(key);
    }
  }
  header[key] = items;
}

function writeSourceUrl(header: FrontMatter, article: ExportableArticle): void {
  const holdsUrl = (k: string): boolean => {
    const text = asText(header[k]);
    return text !== null && isHttpUrl(text);
  };
  const current = SOURCE_URL_KEYS.find(holdsUrl);
  if (article.sourceUrl !== null) header[current ?? 'source_url'] = article.sourceUrl;
  else for (const key of SOURCE_URL_KEYS.filter(holdsUrl)) header[key] = null;
}

function writeAuthors(header: FrontMatter, article: ExportableArticle): void {
  const items = withOriginalEntries(
    article.authors.map((a) => a.name),
    [header['author'], header['authors']],
  );
  const hasSingular = isGiven(header['author']);
  const hasPlural = isGiven(header['authors']);
  if (hasSingular && hasPlural) {
    header['author'] = items[0] ?? null;
    header['authors'] = items.slice(1);
  } else if (hasPlural || (!hasSingular && items.length > 1)) {
    header['authors'] = items;
  } else {
    header['author'] = items.length === 1 ? items[0] : items;
  }
}

function writeTags(
  header: FrontMatter,
  article: ExportableArticle,
  kind: TagKind,
  plural: string,
  singular: string,
): void {
  const names = article.tags.filter((t) => t.kind === kind).map((t) => t.name);
  const items = withOriginalEntries(names, [header[plural], header[singular]]);
  if (isGiven(header[singular]) && !isGiven(header[plural])) {
    header[singular] = items;
  } else {
    header[plural] = items;
    if (isGiven(header[singular])) header[singular] = null;
  }
}

/** Keeps entries written as objects (`{ name, url }`) when their name is unchanged. */
function withOriginalEntries(names: string[], originals: unknown[]): unknown[] {
  const byName = new Map<string, unknown>();
  for (const original of originals) {
    for (const item of Array.isArray(original) ? original : [original]) {
      const name = nameOf(item);
      if (name !== null) byName.set(name, item);
    }
  }
  return names.map((name) => byName.get(name) ?? name);
}
