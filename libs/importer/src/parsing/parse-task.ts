import type { ParseResult } from '@pressroom/frontmatter';

/** What a parse worker receives: the raw bytes of a few files and the shared options. */
export interface ParseTask {
  files: { path: string; bytes: Uint8Array }[];
  timeZone: string;
  defaultStatus: 'DRAFT' | 'PUBLISHED';
}

export type ParseTaskResult = ParseResult[];
