import type { ImportColumns } from '@pressroom/content/search-index';
import type { NormalisedPost, ParseFailure } from '@pressroom/frontmatter';

/** What a parse thread receives: a few files to read, and the shared options. */
export interface ParseTask {
  /** `path` relative to the import root (the post's identity), `file` the absolute path to read. */
  files: { path: string; file: string }[];
  timeZone: string;
  defaultStatus: 'DRAFT' | 'PUBLISHED';
  /** Where the thread notes each file as it starts it, so the pool can time each file. */
  clock?: FileClock;
}

/**
 * Shared between the pool and a parse thread: the index + 1 of the file the thread is on (0
 * before the first) and when it started it (Date.now()).
 */
export interface FileClock {
  index: Int32Array;
  startedAt: Float64Array;
}

export function newFileClock(): FileClock {
  return { index: new Int32Array(new SharedArrayBuffer(4)), startedAt: new Float64Array(new SharedArrayBuffer(8)) };
}

/** Called by the thread as it starts file `index`. */
export function startFile(clock: FileClock, index: number): void {
  clock.startedAt[0] = Date.now();
  Atomics.store(clock.index, 0, index + 1); // after the time: whoever sees this index sees its time
}

/** The file the thread is on and since when, or null before it starts one. */
export function fileStarted(clock: FileClock): { index: number; at: number } | null {
  const index = Atomics.load(clock.index, 0);
  return index ? { index: index - 1, at: clock.startedAt[0]! } : null;
}

/** A parsed post as a thread sends it: its large values encoded (see importColumns()), once. */
export type ParsedPost = Omit<NormalisedPost, 'body' | 'html' | 'frontMatter'>;

/** Each file's parse result. */
export type ParsedFile = { ok: true; post: ParsedPost; columns: ImportColumns } | { ok: false; error: ParseFailure };

export type ParseTaskResult = ParsedFile[];

/** Each file's content hash (see contentHash()), or why it could not be read. */
export type HashTaskResult = ({ path: string; contentHash: string } | { path: string; unreadable: string })[];
