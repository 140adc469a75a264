import type { ArticleStatus, BodyFormat, TagKind } from '@pressroom/database';
import type { SearchDocument } from '../search/search-document.js';

/** One parsed file, ready to become an article (see @pressroom/frontmatter's NormalisedPost). */
export interface ImportedPost {
  /** Stable identity across imports: explicit id, else sourceUrl, else relative path. */
  importKey: string;
  /** Path relative to the import root; among files sharing an importKey, the smallest wins. */
  path: string;
  contentHash: string;
  title: string;
  slug: string;
  excerpt: string | null;
  body: string;
  bodyFormat: BodyFormat;
  html: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  lastModifiedAt: Date | null;
  language: string | null;
  sourceUrl: string | null;
  frontMatter: Record<string, unknown>;
  authors: { name: string; slug: string }[];
  tags: { name: string; slug: string; kind: TagKind }[];
  redirects: string[];
  /** searchDocument() of the post, when the caller computed it off the main thread. */
  search?: SearchDocument;
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
