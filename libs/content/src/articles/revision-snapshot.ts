import type { Article as ArticleRow } from '@pressroom/database';

/** The whole editable state of an article, as stored in ArticleRevision.snapshot. */
export interface ArticleSnapshot {
  title: string;
  slug: string;
  excerpt: string | null;
  body: string;
  bodyFormat: ArticleRow['bodyFormat'];
  status: ArticleRow['status'];
  publishedAt: string | null;
  lastModifiedAt: string | null;
  language: string | null;
  sourceUrl: string | null;
  frontMatter: unknown;
  /** Author ids in byline order. */
  authorIds: string[];
  tagIds: string[];
}

type SnapshotSource = Pick<
  ArticleRow,
  | 'title'
  | 'slug'
  | 'excerpt'
  | 'body'
  | 'bodyFormat'
  | 'status'
  | 'publishedAt'
  | 'lastModifiedAt'
  | 'language'
  | 'sourceUrl'
> & { frontMatter: unknown };

/** Snapshot of an article and its links; used by every write path (mutations and import). */
export function snapshotOf(article: SnapshotSource, authorIds: string[], tagIds: string[]): ArticleSnapshot {
  return {
    title: article.title,
    slug: article.slug,
    excerpt: article.excerpt,
    body: article.body,
    bodyFormat: article.bodyFormat,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    lastModifiedAt: article.lastModifiedAt?.toISOString() ?? null,
    language: article.language,
    sourceUrl: article.sourceUrl,
    frontMatter: article.frontMatter,
    authorIds,
    tagIds: [...tagIds].sort(),
  };
}
