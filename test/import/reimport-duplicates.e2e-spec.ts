import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { ArticleImportService } from '@pressroom/content/import';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';

// Issue 15: a file skipped because another file owns its identity has no article at its path,
// so an unchanged re-import used to parse it again (and load the parser in every thread) to
// find it skipped again. Its hash, identity and warnings are kept (ImportDuplicateFile).
describe('re-import of files skipped as duplicates', () => {
  let app: INestApplication;
  let prisma: PrismaService;
  // b.md is undated: a parse warning of its own, reported with its skip every time.
  const owner = post('title: Same story\ndate: 2024-01-02\nfrom: https://example.org/news/7', 'one');
  const copy = post('title: Same story\nfrom: https://example.org/news/7', 'two');

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(() => resetDb(app));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => app.close());

  const itemsOf = (jobId: string) =>
    prisma.importItem.findMany({
      where: { jobId },
      orderBy: { path: 'asc' },
      select: { path: true, outcome: true, articleId: true, line: true, message: true, warnings: true },
    });

  it('settles an unchanged copy as skipped again by its hash, with the same report, writing no batch', async () => {
    const root = await tempFolder({ 'a.md': post('title: Other'), 'news/a.md': owner, 'news/b.md': copy });
    const first = await importPaths(app, [root]);
    const importBatch = jest.spyOn(app.get(ArticleImportService), 'importBatch');

    const again = await importPaths(app, [root]);

    expect(first.counts).toMatchObject({ created: 2, skipped: 1 });
    expect(again.counts).toMatchObject({ total: 3, unchanged: 2, skipped: 1, created: 0, updated: 0, failed: 0 });
    expect(importBatch).not.toHaveBeenCalled(); // nothing was parsed, so nothing went to the writer
    const [before, after] = [await itemsOf(first.id), await itemsOf(again.id)];
    const copyItem = before.find((i) => i.path === 'news/b.md');
    expect(copyItem).toMatchObject({ outcome: 'SKIPPED', articleId: null });
    expect(copyItem!.warnings).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^no date/) }),
      { line: null, message: expect.stringContaining('as news/a.md, which is imported instead') },
    ]);
    expect(after.find((i) => i.path === 'news/b.md')).toEqual(copyItem);
  });

  it('parses the copy again once its bytes change, and remembers the new ones', async () => {
    const root = await tempFolder({ 'a.md': owner, 'b.md': copy });
    await importPaths(app, [root]);
    await writeFile(path.join(root, 'b.md'), copy.replace('two', 'three'));
    const importBatch = jest.spyOn(app.get(ArticleImportService), 'importBatch');

    const changed = await importPaths(app, [root]);
    const again = await importPaths(app, [root]);

    expect(changed.counts).toMatchObject({ unchanged: 1, skipped: 1 });
    expect(importBatch).toHaveBeenCalledTimes(1); // the changed copy; the run after it writes nothing
    expect(again.counts).toMatchObject({ unchanged: 1, skipped: 1 });
  });

  it('imports the copy once the article it was a copy of is gone, instead of trusting what was kept', async () => {
    const root = await tempFolder({ 'a.md': owner, 'b.md': copy });
    await importPaths(app, [root]);
    await rm(path.join(root, 'a.md'));
    await prisma.article.deleteMany();

    const again = await importPaths(app, [root]);

    expect(again.counts).toMatchObject({ total: 1, created: 1, skipped: 0 });
    expect(await prisma.article.findFirstOrThrow()).toMatchObject({ sourcePath: 'b.md', body: 'two\n' });
  });

  it('keeps nothing from a dry run', async () => {
    const root = await tempFolder({ 'a.md': owner, 'b.md': copy });

    const dry = await importPaths(app, [root], { dryRun: true });

    expect(dry.counts).toMatchObject({ created: 1, skipped: 1 });
    expect(await prisma.importDuplicateFile.count()).toBe(0);
  });
});
