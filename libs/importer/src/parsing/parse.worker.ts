import { parsePost } from '@pressroom/frontmatter';
import type { ParseTask, ParseTaskResult } from './parse-task.js';

/** Runs in a worker thread: parsing and rendering are CPU-bound, so they use every core. */
export default function parseFiles(task: ParseTask): ParseTaskResult {
  return task.files.map((file) =>
    parsePost(file.bytes, { path: file.path, timeZone: task.timeZone, defaultStatus: task.defaultStatus }),
  );
}
