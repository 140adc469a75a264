import type { ArticleStatus, BodyFormat, TagKind } from '@pressroom/database';
import type { ImportColumns } from './import-columns.js';

/** One parsed file, ready to become an article (see @pressroom/frontmatter's NormalisedPost). */
export interface ImportedPost {
  /** Stable identity across imports: explicit id, else sourceUrl, else path in the site. */
  importKey: string;
  /**
   * The identity older imports gave this post (its path relative to the import root): an
   * article found under it is taken over, and its identity rewritten to importKey.
   */
  legacyKey?: string;
  /** Path relative to the import root; among files sharing an importKey, the smallest wins. */
  path: string;
  contentHash: string;
  title: string;
  slug: string;
  excerpt: string | null;
  bodyFormat: BodyFormat;
  status: ArticleStatus;
  publishedAt: Date | null;
  lastModifiedAt: Date | null;
  language: string | null;
  sourceUrl: string | null;
  authors: { name: string; slug: string }[];
  tags: { name: string; slug: string; kind: TagKind }[];
  redirects: string[];
  /** Body, HTML, front matter and search document, encoded (see importColumns()). */
  columns: ImportColumns;
}

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'SKIPPED';

export interface ImportedPostResult {
  path: string;
  outcome: ImportOutcome;
  articleId: string | null;
  /** Why a post was skipped, or what was adjusted (a suffixed slug). */
  warnings: string[];
  /**
   * An UPDATED post that took its article over from another file of the same identity (one
   * with a larger path, written first because batches commit out of order): that file's path.
   */
  tookOverFrom?: string;
}
