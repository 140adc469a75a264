import type { Article as ArticleRow } from '@pressroom/database';

/** The whole editable state of an article, as stored in ArticleRevision.snapshot. */
export interface ArticleSnapshot {
  title: string;
  slug: string;
  excerpt: string | null;
  body: string;
  bodyFormat: ArticleRow['bodyFormat'];
  status: ArticleRow['status'];
  /** As Date.toISOString() writes it. */
  publishedAt: string | null;
  lastModifiedAt: string | null;
  language: string | null;
  sourceUrl: string | null;
  frontMatter: unknown;
  /** Author ids in byline order. */
  authorIds: string[];
  /** Tag ids in code-unit order. */
  tagIds: string[];
}
