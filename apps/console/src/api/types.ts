/** Shapes of what the console's queries select (see queries.ts). */

export type ArticleStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
export type TagKind = 'TAG' | 'CATEGORY';

export interface PageInfo {
  startCursor?: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage?: boolean;
}

export interface Connection<N, E = object> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: ({ cursor?: string; node: N } & E)[];
}

export interface AuthorRef {
  id: string;
  name: string;
  slug: string;
}

export interface TagRef extends AuthorRef {
  kind: TagKind;
}

export interface ArticleSummary {
  id: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  language: string | null;
  version: number;
  authors: AuthorRef[];
  tags: TagRef[];
}

export interface Article extends ArticleSummary {
  excerpt: string | null;
  body: string;
  bodyFormat: 'MARKDOWN' | 'HTML';
  html: string;
}

export interface Revision {
  id: string;
  version: number;
  action: string;
  actor: string;
  createdAt: string;
  snapshot: Record<string, unknown>;
}

export interface Tag extends TagRef {
  description: string | null;
  articleCount: number;
}

export interface Author extends AuthorRef {
  bio: string | null;
  email: string | null;
  url: string | null;
  articleCount: number;
}

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  skipped: number;
}

export interface Located {
  path: string;
  line: number | null;
  message: string;
}

export interface ImportJobSummary {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
  source: string;
  dryRun: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  counts: ImportCounts;
  progress: { processed: number; total: number };
}

/** GET /admin/imports/:id */
export interface ImportReport extends ImportJobSummary {
  errors: Located[];
  warnings: Located[];
  moreErrors: number;
  moreWarnings: number;
}

export interface ApiToken {
  id: string;
  name: string;
  role: 'ADMIN' | 'EDITOR';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
