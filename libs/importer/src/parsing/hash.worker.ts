import { readFileSync } from 'node:fs';
import { contentHash } from '@pressroom/frontmatter/content-hash';
import type { HashTaskResult, ParseTask } from './parse-task.js';

// The parse threads' entry module: it loads nothing but node:crypto, so a thread is ready for
// hash tasks (all an unchanged re-import needs) in milliseconds; the parser (markdown-it,
// sanitize-html, the language detector) loads in a thread with its first parse task
// (parse.worker.ts). Issue 15: the re-import's threads spent their first second loading it.

/** The hash a post would get from parseFiles(), without parsing: what a re-import compares. */
export default function hashFiles(task: ParseTask): HashTaskResult {
  return task.files.map(({ path, file }) => {
    try {
      return { path, contentHash: contentHash(readFileSync(file), path, task.timeZone, task.defaultStatus) };
    } catch (error) {
      return { path, unreadable: `UNREADABLE_FILE: ${(error as Error).message}` };
    }
  });
}
