import { searchDocument } from '@pressroom/content/search-index';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentHash } from '@pressroom/frontmatter';
import parseFiles, { hashFiles } from './parse.worker.js';

const options = { timeZone: 'UTC', defaultStatus: 'PUBLISHED' as const };

describe('parse worker', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parse-worker-'));
    await writeFile(path.join(dir, 'post.md'), '---\ntitle: 塔利班 talks\n---\nBody.\n');
  });

  it('reads, parses and builds the search document of each file', () => {
    const [result] = parseFiles({ ...options, files: [{ path: 'post.md', file: path.join(dir, 'post.md') }] });
    expect(result).toMatchObject({ ok: true, post: { title: '塔利班 talks' }, search: { titleWords: expect.stringContaining('talks') } });
    const { title, excerpt, html } = (result as { post: { title: string; excerpt: string | null; html: string } }).post;
    expect(result!.search).toEqual(searchDocument({ title, excerpt, html }));
    expect(result!.search!.titleBigrams.length).toBeGreaterThan(4); // 塔利 and 利班
  });

  it('hashes a file as parsing would, without parsing it', async () => {
    const [parsed] = parseFiles({ ...options, files: [{ path: 'post.md', file: path.join(dir, 'post.md') }] });
    const [hashed] = hashFiles({ ...options, files: [{ path: 'post.md', file: path.join(dir, 'post.md') }] });
    expect(hashed).toEqual({ path: 'post.md', contentHash: parsed!.ok ? parsed!.post.contentHash : 'parse failed' });
    const bytes = Buffer.from('---\ntitle: 塔利班 talks\n---\nBody.\n');
    expect(hashed).toEqual({ path: 'post.md', contentHash: contentHash(bytes, 'post.md', 'UTC', 'PUBLISHED') });
  });

  it('fails a file it cannot read, with the reason', () => {
    const missing = { path: 'gone.md', file: path.join(dir, 'gone.md') };
    expect(parseFiles({ ...options, files: [missing] })).toEqual([
      { ok: false, error: { path: 'gone.md', line: null, code: 'UNREADABLE_FILE', message: expect.stringContaining('ENOENT') } },
    ]);
    expect(hashFiles({ ...options, files: [missing] })).toEqual([{ path: 'gone.md', unreadable: expect.stringMatching(/^UNREADABLE_FILE: .*ENOENT/) }]);
  });
});
