import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMPORT_LIMITS, type ImportLimits } from '../limits.js';
import { overlappingZip, tarOf, withoutUtf8Flag, zipOf } from '../testing/archives.js';
import { stageFiles } from './stage-files.js';

const POST = '---\ntitle: Fine\n---\nBody\n';

/** Stages `uploads` (name -> bytes) as one request; returns the staged paths or the refusal. */
async function stage(uploads: Record<string, Buffer>, limits: ImportLimits = IMPORT_LIMITS) {
  const dir = await mkdtemp(path.join(tmpdir(), 'pressroom-hostile-'));
  const files = [];
  for (const [i, [name, bytes]] of Object.entries(uploads).entries()) {
    await writeFile(path.join(dir, `part${i}`), bytes);
    files.push({ name, file: path.join(dir, `part${i}`) });
  }
  const root = path.join(dir, 'files');
  const rejected = await stageFiles(files, root, limits);
  const staged = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
  return { staged, rejected };
}

describe('stageFiles on hostile archives', () => {
  it('refuses a truncated tar, a truncated tar.gz and a corrupt gzip with BAD_ARCHIVE', async () => {
    const posts = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.md`, data: POST + 'x'.repeat(4000) }));
    const plain = await tarOf(posts);
    const gzipped = await tarOf(posts, true);
    const corrupt = Buffer.from(gzipped);
    corrupt.fill(0x55, 20, 60);

    for (const [name, bytes] of [
      ['cut.tar', plain.subarray(0, 3000)],
      ['cut.tar.gz', gzipped.subarray(0, gzipped.length - 30)],
      ['corrupt.tar.gz', corrupt],
    ] as const) {
      await expect(stage({ [name]: bytes })).rejects.toMatchObject({
        code: 'BAD_ARCHIVE',
        message: expect.stringContaining(name),
      });
    }
  });

  it('refuses duplicate entry names and a name that is both a file and a folder', async () => {
    const twice = await tarOf([
      { name: 'a.md', data: POST },
      { name: 'a.md', data: POST },
    ]);
    const fileThenFolder = await tarOf([
      { name: 'a.md', data: POST },
      { name: 'a.md/b.md', data: POST },
    ]);
    const folderThenFile = await zipOf([
      { name: 'a.md/b.md', data: POST },
      { name: 'a.md', data: POST },
    ]);

    await expect(stage({ 'twice.tar': twice })).rejects.toMatchObject({ code: 'DUPLICATE_ENTRY' });
    await expect(stage({ 'clash.tar': fileThenFolder })).rejects.toMatchObject({ code: 'PATH_CLASH' });
    await expect(stage({ 'clash.zip': folderThenFile })).rejects.toMatchObject({ code: 'PATH_CLASH' });
  });

  it('refuses a zip whose entries overlap before writing anything', async () => {
    const data = Buffer.from(POST + 'a'.repeat(900_000));
    const names = Array.from({ length: 40 }, (_, i) => Buffer.from(`p${i}.md`));

    await expect(stage({ 'overlap.zip': overlappingZip(data, names) })).rejects.toMatchObject({
      code: 'OVERLAPPING_ENTRIES',
    });
  });

  it('counts entries and bytes across all archives of a request together', async () => {
    const archive = (tag: string) =>
      zipOf(Array.from({ length: 3 }, (_, i) => ({ name: `${tag}${i}.md`, data: POST + 'x'.repeat(1000) })));
    const uploads = { 'a.zip': await archive('a'), 'b.zip': await archive('b') };

    expect((await stage(uploads)).staged).toHaveLength(6);
    await expect(stage(uploads, { ...IMPORT_LIMITS, maxEntries: 5 })).rejects.toMatchObject({
      code: 'TOO_MANY_ENTRIES',
    });
    await expect(stage(uploads, { ...IMPORT_LIMITS, maxTotalBytes: 5000 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });

  it('refuses a zip of many small entries whose output dwarfs the archive', async () => {
    // Each entry is below the per-entry grace size; together they are a bomb.
    const zip = await zipOf(Array.from({ length: 4 }, (_, i) => ({ name: `${i}.md`, data: 'a'.repeat(600_000) })));

    await expect(stage({ 'small-bombs.zip': zip })).rejects.toMatchObject({ code: 'COMPRESSION_BOMB' });
  });

  it('decodes legacy zip names as CP437 instead of colliding on U+FFFD', async () => {
    // "é.md" and "è.md" in CP437, without the UTF-8 flag: invalid UTF-8 both.
    const zip = withoutUtf8Flag(
      await zipOf(
        [
          { name: '0.md', data: POST },
          { name: '1.md', data: POST },
        ],
        { '0.md': '\u0082.md', '1.md': '\u008a.md' },
      ),
    );

    expect((await stage({ 'legacy.zip': zip })).staged).toEqual(['è.md', 'é.md']);
  });

  it('refuses an entry whose name is longer than a file system allows, alone', async () => {
    const zip = await zipOf([
      { name: `${'n'.repeat(300)}.md`, data: POST },
      { name: `${'d/'.repeat(100)}deep.md`, data: POST },
      { name: 'ok.md', data: POST },
    ]);

    const { staged, rejected } = await stage({ 'long.zip': zip });

    expect(staged).toEqual(['ok.md']);
    expect(rejected.map((r) => r.message)).toEqual([
      expect.stringContaining('name too long'),
      expect.stringContaining('too deep'),
    ]);
  });
});
