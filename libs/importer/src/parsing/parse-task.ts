import type { SearchDocument } from '@pressroom/content/search-index';
import type { ParseResult } from '@pressroom/frontmatter';

/** What a parse thread receives: a few files to read, and the shared options. */
export interface ParseTask {
  /** `path` relative to the import root (the post's identity), `file` the absolute path to read. */
  files: { path: string; file: string }[];
  timeZone: string;
  defaultStatus: 'DRAFT' | 'PUBLISHED';
}

/** Each file's parse result; a parsed post comes with its search document. */
export type ParsedFile = ParseResult & { search?: SearchDocument };

export type ParseTaskResult = ParsedFile[];

/** Each file's content hash (see contentHash()), or why it could not be read. */
export type HashTaskResult = ({ path: string; contentHash: string } | { path: string; unreadable: string })[];
