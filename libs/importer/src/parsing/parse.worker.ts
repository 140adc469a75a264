import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { importColumns } from '@pressroom/content/search-index';
import { FRONTMATTER_LIMITS, parsePost } from '@pressroom/frontmatter';
import { startFile, type ParseTask, type ParseTaskResult } from './parse-task.js';

export { default as hashFiles } from './hash.worker.js';

// Runs in worker threads: reading, hashing, parsing, rendering, the search document and the
// encoding of the large column values are CPU-bound, so they use every core instead of the
// thread that talks to the database (which gets each post's body and HTML as bytes only). Reads
// are synchronous here: on a thread of its own that blocks nothing, and costs a fifth of an
// asynchronous read.

/** Parses each file; a file that cannot be read fails with why. */
export default function parseFiles(task: ParseTask): ParseTaskResult {
  return task.files.map(({ path, file }, index) => {
    if (task.clock) startFile(task.clock, index);
    let bytes: Buffer;
    let fd: number | null = null;
    try {
      fd = openSync(file, 'r');
      // A file over the parser's limit fails as parsePost() would fail it, without being read:
      // a folder may hold a file of gigabytes, and no memory bound survives reading it.
      const size = fstatSync(fd).size;
      if (size > FRONTMATTER_LIMITS.maxBytes) return tooLarge(path, size);
      bytes = readFileSync(fd);
    } catch (error) {
      return { ok: false, error: { path, line: null, code: 'UNREADABLE_FILE', message: (error as Error).message } };
    } finally {
      if (fd !== null) closeSync(fd);
    }
    const result = parsePost(bytes, { path, timeZone: task.timeZone, defaultStatus: task.defaultStatus });
    if (!result.ok) return result;
    const { body: _body, html: _html, frontMatter: _frontMatter, ...post } = result.post;
    return { ok: true, post, columns: importColumns(result.post) };
  });
}

function tooLarge(path: string, size: number): ParseTaskResult[number] {
  const max = FRONTMATTER_LIMITS.maxBytes;
  return {
    ok: false,
    error: { path, line: null, code: 'FILE_TOO_LARGE', message: `file is ${size} bytes, more than the ${max} allowed` },
  };
}
