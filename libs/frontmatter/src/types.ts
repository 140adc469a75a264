export type BodyFormat = 'MARKDOWN' | 'HTML';

export type TagKind = 'TAG' | 'CATEGORY';

export type PostStatus = 'DRAFT' | 'PUBLISHED';

/** A message tied to a file and, when known, to a 1-based line of that file. */
export interface Located {
  path: string;
  line: number | null;
  message: string;
}

export interface ParseOptions {
  /** Path relative to the import root, POSIX separators (e.g. `_posts/2021-01-09-x.md`). */
  path: string;
  /** IANA zone for dates written without an offset; default `UTC`. */
  timeZone?: string;
  /** Status of posts that do not say they are drafts; default `PUBLISHED`. */
  defaultStatus?: PostStatus;
  /** Larger files fail with `FILE_TOO_LARGE`; default 5 MiB. */
  maxBytes?: number;
}

export interface NormalisedAuthor {
  name: string;
  slug: string;
}

export interface NormalisedTag {
  name: string;
  slug: string;
  kind: TagKind;
}

export interface NormalisedPost {
  /** Explicit `id` (or `uuid`) in the header, else sourceUrl, else path. */
  identity: string;
  title: string;
  slug: string;
  excerpt: string | null;
  /** The source after the front matter, as written (BOM and header removed, CRLF kept). */
  body: string;
  bodyFormat: BodyFormat;
  /** Rendered and sanitised body. */
  html: string;
  /** ARCHIVED: published, but its Hugo `expiryDate` had passed when it was read. */
  status: PostStatus | 'ARCHIVED';
  publishedAt: Date | null;
  lastModifiedAt: Date | null;
  language: string | null;
  sourceUrl: string | null;
  sourcePath: string;
  /** Ordered, deduplicated by slug. */
  authors: NormalisedAuthor[];
  /** TAGs then CATEGORYs, deduplicated by (kind, slug). */
  tags: NormalisedTag[];
  /** Old URL paths of the post on this site, each starting with `/`. */
  redirects: string[];
  /** Every key of the original header, JSON-safe (dates as ISO strings). */
  frontMatter: Record<string, unknown>;
  /** sha256 hex of the raw bytes plus the options that change the result. */
  contentHash: string;
  warnings: Located[];
}

export type ParseFailure = Located & { code: string };

export type ParseResult = { ok: true; post: NormalisedPost } | { ok: false; error: ParseFailure };

/** What export needs of a stored article. */
export interface ExportableArticle {
  title: string;
  slug: string;
  excerpt: string | null;
  body: string;
  bodyFormat: BodyFormat;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  publishedAt: Date | null;
  language: string | null;
  sourceUrl: string | null;
  authors: { name: string }[];
  tags: { name: string; kind: TagKind }[];
  /** Old URL paths that lead to the article (see redirectKey); none when absent. */
  redirects?: string[];
  frontMatter: Record<string, unknown>;
  /** The article's import identity, written back as `id` so a re-import finds the article. */
  importKey?: string;
}
