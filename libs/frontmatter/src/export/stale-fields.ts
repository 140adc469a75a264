import { redirectKey } from '../mapping/redirect-key.js';
import { slugify } from '../text/slugify.js';
import type { ExportableArticle, NormalisedPost, TagKind } from '../types.js';
import type { Field } from './field-writers.js';

export const ALL_FIELDS: readonly Field[] = [
  'title',
  'slug',
  'excerpt',
  'status',
  'publishedAt',
  'language',
  'sourceUrl',
  'authors',
  'tags',
  'categories',
  'identity',
  'redirects',
];

/** Fields on which re-parsing an export would not give back the article. */
export function staleFields(article: ExportableArticle, parsed: NormalisedPost): Field[] {
  // An expired Hugo page comes back ARCHIVED from its own expiryDate; otherwise not PUBLISHED is a draft.
  const expected = article.status === 'PUBLISHED' ? 'PUBLISHED' : parsed.status === 'ARCHIVED' ? 'ARCHIVED' : 'DRAFT';
  const checks: Record<Field, boolean> = {
    title: article.title === parsed.title,
    slug: article.slug === parsed.slug,
    // No header value means "derive it", so a null excerpt or language cannot be written;
    // whatever the import derives stands.
    excerpt: article.excerpt === null || article.excerpt === parsed.excerpt,
    status: expected === parsed.status,
    publishedAt: (article.publishedAt?.getTime() ?? null) === (parsed.publishedAt?.getTime() ?? null),
    language: article.language === null || article.language === parsed.language,
    sourceUrl: (article.sourceUrl ?? null) === parsed.sourceUrl,
    authors: sameNames(
      article.authors.map((a) => a.name),
      parsed.authors.map((a) => a.name),
    ),
    tags: sameNames(
      namesOf(article, 'TAG'),
      parsed.tags.filter((t) => t.kind === 'TAG').map((t) => t.name),
    ),
    categories: sameNames(
      namesOf(article, 'CATEGORY'),
      parsed.tags.filter((t) => t.kind === 'CATEGORY').map((t) => t.name),
    ),
    identity: article.importKey === undefined || article.importKey === parsed.identity,
    redirects: hasAll(parsed.redirects, article.redirects ?? []),
  };
  return ALL_FIELDS.filter((field) => !checks[field]);
}

function hasAll(parsedPaths: string[], paths: string[]): boolean {
  const given = new Set(parsedPaths.map(redirectKey));
  return paths.every((path) => given.has(redirectKey(path)));
}

function namesOf(article: ExportableArticle, kind: TagKind): string[] {
  return article.tags.filter((t) => t.kind === kind).map((t) => t.name);
}

// The parser trims names and drops repeats by slug; an article holding such names is not stale.
function sameNames(wanted: string[], got: string[]): boolean {
  const seen = new Set<string>();
  const normal: string[] = [];
  for (const raw of wanted) {
    const name = raw.trim();
    const slug = slugify(name);
    if (slug && !seen.has(slug)) {
      seen.add(slug);
      normal.push(name);
    }
  }
  return normal.length === got.length && normal.every((name, i) => name === got[i]);
}
