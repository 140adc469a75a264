import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMPORT_LIMITS, type ImportLimits } from '../limits.js';
import { tarOf, zipOf } from '../testing/archives.js';
import { SourceRejectedError } from './import-entry.js';
import { stageFiles } from './stage-files.js';

const POST = '---\ntitle: Fine\n---\nBody\n';

async function temp(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'pressroom-stage-'));
}

async function stage(name: string, bytes: Buffer, limits: ImportLimits = IMPORT_LIMITS) {
  const dir = await temp();
  const file = path.join(dir, 'upload');
  await writeFile(file, bytes);
  const root = path.join(dir, 'files');
  const rejected = await stageFiles([{ name, file }], root, limits);
  return { dir, root, rejected };
}

async function listFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

describe('stageFiles', () => {
  it('extracts the post files of a zip, a tar and a tar.gz, and nothing else', async () => {
    const zip = await zipOf([
      { name: '_posts/a.md', data: POST },
      { name: 'img/x.png', data: 'png' },
    ]);
    const plainTar = await tarOf([{ name: '_posts/b.md', data: POST }]);
    const tarGz = await tarOf([{ name: 'c.html', data: '<h1>C</h1>' }], true);

    expect(await listFiles((await stage('site.zip', zip)).root)).toEqual(['_posts/a.md']);
    expect(await listFiles((await stage('site.tar', plainTar)).root)).toEqual(['_posts/b.md']);
    expect(await listFiles((await stage('site.tar.gz', tarGz)).root)).toEqual(['c.html']);
  });

  it('refuses `..` and absolute paths in a zip entry by entry, writing nothing outside', async () => {
    const zip = await zipOf(
      [
        { name: 'ok.md', data: POST },
        { name: 'zz/evil.md', data: POST },
        { name: 'Xtmp/abs.md', data: POST },
      ],
      { 'zz/evil.md': '../evil.md', 'Xtmp/abs.md': '/tmp/abs.md' },
    );

    const { dir, root, rejected } = await stage('site.zip', zip);

    expect(await listFiles(root)).toEqual(['ok.md']);
    expect(existsSync(path.join(dir, 'evil.md'))).toBe(false);
    expect(rejected).toEqual([
      { path: '../evil.md', message: expect.stringContaining('".."') },
      { path: '/tmp/abs.md', message: expect.stringContaining('absolute path') },
    ]);
  });

  it('refuses symlinks in a zip', async () => {
    const zip = await zipOf([{ name: 'link.md', data: '/etc/passwd', mode: 0o120777 }]);

    const { root, rejected } = await stage('site.zip', zip);

    expect(await listFiles(root)).toEqual([]);
    expect(rejected).toEqual([{ path: 'link.md', message: 'symbolic link refused' }]);
  });

  it('refuses symlinks, hard links, devices and traversal in a tar, entry by entry', async () => {
    const archive = await tarOf([
      { name: 'ok.md', data: POST },
      { name: 'sym.md', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'hard.md', type: 'link', linkname: 'ok.md' },
      { name: 'dev.md', type: 'character-device', devmajor: 1, devminor: 3 },
      { name: '../../escape.md', data: POST },
      { name: '/abs.md', data: POST },
    ]);

    const { dir, root, rejected } = await stage('site.tar', archive);

    expect(await listFiles(root)).toEqual(['ok.md']);
    expect(existsSync(path.join(dir, '..', 'escape.md'))).toBe(false);
    expect(rejected.map((r) => r.message)).toEqual([
      expect.stringContaining('symbolic link refused'),
      expect.stringContaining('hard link refused'),
      expect.stringContaining('device file refused'),
      expect.stringContaining('".."'),
      expect.stringContaining('absolute path'),
    ]);
  });

  it('refuses a compression bomb as a whole, zip or tar.gz', async () => {
    const bomb = 'a'.repeat(20 * 1024 * 1024);
    const zipBomb = await zipOf([{ name: 'bomb.md', data: bomb }]);
    const tarBomb = await tarOf([{ name: 'bomb.md', data: bomb }], true);
    const limits = { ...IMPORT_LIMITS, maxEntryBytes: 64 * 1024 ** 2 };

    await expect(stage('bomb.zip', zipBomb, limits)).rejects.toMatchObject({ code: 'COMPRESSION_BOMB' });
    await expect(stage('bomb.tar.gz', tarBomb, limits)).rejects.toBeInstanceOf(SourceRejectedError);
  });

  it('refuses an entry larger than the per-entry limit, and an archive with too many entries', async () => {
    const big = await tarOf([
      { name: 'big.md', data: 'x'.repeat(2048) },
      { name: 'ok.md', data: POST },
    ]);
    const many = await zipOf(Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.md`, data: POST })));

    const sized = await stage('big.tar', big, { ...IMPORT_LIMITS, maxEntryBytes: 1024 });
    expect(await listFiles(sized.root)).toEqual(['ok.md']);
    expect(sized.rejected).toEqual([{ path: 'big.md', message: expect.stringContaining('larger than 1024 bytes') }]);
    await expect(stage('many.zip', many, { ...IMPORT_LIMITS, maxEntries: 5 })).rejects.toMatchObject({
      code: 'TOO_MANY_ENTRIES',
    });
  });

  it('copies plain uploaded posts under their own names and skips other uploads', async () => {
    const dir = await temp();
    await writeFile(path.join(dir, 'p1'), POST);
    await writeFile(path.join(dir, 'p2'), 'GIF89a');

    const root = path.join(dir, 'files');
    const rejected = await stageFiles(
      [
        { name: 'hello.md', file: path.join(dir, 'p1') },
        { name: 'pic.gif', file: path.join(dir, 'p2') },
      ],
      root,
    );

    expect(await readFile(path.join(root, 'hello.md'), 'utf8')).toBe(POST);
    expect(rejected).toEqual([{ path: 'pic.gif', skipped: true, message: expect.stringContaining('not a post file') }]);
  });
});
