import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importColumns } from '@pressroom/content/search-index';
import { contentHash, parsePost } from '@pressroom/frontmatter';
import parseFiles, { hashFiles } from './parse.worker.js';

const options = { timeZone: 'UTC', defaultStatus: 'PUBLISHED' as const };

describe('parse worker', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parse-worker-'));
    await writeFile(path.join(dir, 'post.md'), '---\ntitle: 塔利班 talks\n---\nBody.\n');
  });

  it('reads and parses each file, and sends its large values encoded, once', () => {
    const file = path.join(dir, 'post.md');
    const [result] = parseFiles({ ...options, files: [{ path: 'post.md', file }] });
    const parsed = parsePost(Buffer.from('---\ntitle: 塔利班 talks\n---\nBody.\n'), { path: 'post.md', ...options });
    if (!result?.ok || !parsed.ok) throw new Error('expected both to parse');
    expect(result.post).toMatchObject({ title: '塔利班 talks', contentHash: parsed.post.contentHash });
    expect(result.post).not.toHaveProperty('body');
    expect(result.post).not.toHaveProperty('html');
    expect(result.columns).toEqual(importColumns(parsed.post));
    expect(new TextDecoder().decode(result.columns.body)).toBe('Body.\n');
    expect(JSON.parse(new TextDecoder().decode(result.columns.frontMatter))).toEqual({ title: '塔利班 talks' });
    expect(result.columns.titleBigrams.length).toBeGreaterThan(4); // 塔利 and 利班
  });

  it('hashes a file as parsing would, without parsing it', async () => {
    const [parsed] = parseFiles({ ...options, files: [{ path: 'post.md', file: path.join(dir, 'post.md') }] });
    const [hashed] = hashFiles({ ...options, files: [{ path: 'post.md', file: path.join(dir, 'post.md') }] });
    expect(hashed).toEqual({ path: 'post.md', contentHash: parsed!.ok ? parsed!.post.contentHash : 'parse failed' });
    const bytes = Buffer.from('---\ntitle: 塔利班 talks\n---\nBody.\n');
    expect(hashed).toEqual({ path: 'post.md', contentHash: contentHash(bytes, 'post.md', 'UTC', 'PUBLISHED') });
  });

  it('fails a file over the size limit from its size, as parsePost() would, and takes one at the limit', async () => {
    const { FRONTMATTER_LIMITS } = await import('@pressroom/frontmatter');
    const max = FRONTMATTER_LIMITS.maxBytes;
    const header = '---\ntitle: big\n---\n';
    await writeFile(path.join(dir, 'over.md'), header + 'x'.repeat(max + 1 - header.length));
    await writeFile(path.join(dir, 'at.md'), header + 'x'.repeat(max - header.length));
    const [over, at] = parseFiles({
      ...options,
      files: [
        { path: 'over.md', file: path.join(dir, 'over.md') },
        { path: 'at.md', file: path.join(dir, 'at.md') },
      ],
    });
    expect(over).toEqual({
      ok: false,
      error: {
        path: 'over.md',
        line: null,
        code: 'FILE_TOO_LARGE',
        message: `file is ${max + 1} bytes, more than the ${max} allowed`,
      },
    });
    expect(at?.ok).toBe(true);
  });

  it('fails a file it cannot read, with the reason', () => {
    const missing = { path: 'gone.md', file: path.join(dir, 'gone.md') };
    expect(parseFiles({ ...options, files: [missing] })).toEqual([
      {
        ok: false,
        error: { path: 'gone.md', line: null, code: 'UNREADABLE_FILE', message: expect.stringContaining('ENOENT') },
      },
    ]);
    expect(hashFiles({ ...options, files: [missing] })).toEqual([
      { path: 'gone.md', unreadable: expect.stringMatching(/^UNREADABLE_FILE: .*ENOENT/) },
    ]);
  });
});
