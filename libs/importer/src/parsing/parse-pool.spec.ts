import type { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ParsePool } from './parse-pool.js';

const options = { timeZone: 'UTC', defaultStatus: 'PUBLISHED' as const };

// Runs the built worker (dist/), as the import does: `npm run build` first.
describe('ParsePool', () => {
  let dir: string;
  let pool: ParsePool;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parse-pool-'));
    await writeFile(path.join(dir, 'good.md'), '---\ntitle: Good\n---\nBody.\n');
    // The YAML parser takes seconds on a megabyte of `a: a: a: ...` (issue 10).
    await writeFile(path.join(dir, 'slow.md'), `---\n${'a: '.repeat(350_000)}\n---\nBody.\n`);
    pool = new ParsePool(1, 300);
  });
  afterAll(async () => {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  });

  const file = (name: string) => ({ path: name, file: path.join(dir, name) });

  it('fails a file over its time budget alone, and parses the rest of its task', async () => {
    const results = await pool.parse({ ...options, files: [file('good.md'), file('slow.md'), file('good.md')] });
    expect(results.map((r) => (r.ok ? r.post.title : r.error.code))).toEqual(['Good', 'PARSE_TIMEOUT', 'Good']);
    expect(results[1]).toMatchObject({ ok: false, error: { path: 'slow.md', line: null } });
  });

  it('keeps working after a thread was terminated', async () => {
    await pool.parse({ ...options, files: [file('slow.md')] });
    const [result] = await pool.parse({ ...options, files: [file('good.md')] });
    expect(result).toMatchObject({ ok: true, post: { title: 'Good' } });
  });

  it('survives a thread failure reported outside any task (an error event, which kills an unwatched emitter)', () => {
    const threads = (pool as unknown as { pool: EventEmitter | null }).pool;
    if (!threads) return; // not built yet: parsing runs inline, there are no threads to fail
    expect(() => threads.emit('error', new Error('thread died'))).not.toThrow();
  });
});
