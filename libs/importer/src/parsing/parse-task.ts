import type { SearchDocument } from '@pressroom/content/search-index';
import type { ParseResult } from '@pressroom/frontmatter';

/** What a parse worker receives: the raw bytes of a few files and the shared options. */
export interface ParseTask {
  files: { path: string; bytes: Uint8Array }[];
  timeZone: string;
  defaultStatus: 'DRAFT' | 'PUBLISHED';
}

/** Each file's parse result; a parsed post comes with its search document. */
export type ParsedFile = ParseResult & { search?: SearchDocument };

export type ParseTaskResult = ParsedFile[];
