import { searchDocument } from '@pressroom/content/search-index';
import { parsePost } from '@pressroom/frontmatter';
import type { ParseTask, ParseTaskResult } from './parse-task.js';

/**
 * Runs in a worker thread: parsing, rendering and the search document are CPU-bound, so they
 * use every core instead of the thread that talks to the database.
 */
export default function parseFiles(task: ParseTask): ParseTaskResult {
  return task.files.map((file) => {
    const result = parsePost(file.bytes, { path: file.path, timeZone: task.timeZone, defaultStatus: task.defaultStatus });
    if (!result.ok) return result;
    const { title, excerpt, html } = result.post;
    return { ...result, search: searchDocument({ title, excerpt, html }) };
  });
}
