import type { MessagePort } from 'node:worker_threads';
import type { ImportColumns } from '@pressroom/content/search-index';
import type { NormalisedPost, ParseFailure } from '@pressroom/frontmatter';

/** What a parse thread receives: a few files to read, and the shared options. */
export interface ParseTask {
  /** `path` relative to the import root (the post's identity), `file` the absolute path to read. */
  files: { path: string; file: string }[];
  timeZone: string;
  defaultStatus: 'DRAFT' | 'PUBLISHED';
  /** Told the index of each file as the thread starts it, so the pool can time each file. */
  progress?: MessagePort;
}

/** A parsed post as a thread sends it: its large values encoded (see importColumns()), once. */
export type ParsedPost = Omit<NormalisedPost, 'body' | 'html' | 'frontMatter'>;

/** Each file's parse result. */
export type ParsedFile = { ok: true; post: ParsedPost; columns: ImportColumns } | { ok: false; error: ParseFailure };

export type ParseTaskResult = ParsedFile[];

/** Each file's content hash (see contentHash()), or why it could not be read. */
export type HashTaskResult = ({ path: string; contentHash: string } | { path: string; unreadable: string })[];
