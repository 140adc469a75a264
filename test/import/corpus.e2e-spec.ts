import { readFile } from 'node:fs/promises';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { searchDocument } from '@pressroom/content';
import { binaryArray, PG_OID, PrismaService, SqlPool, textArray } from '@pressroom/database';
import { ExportService, walkPosts } from '@pressroom/importer';
import { createTestApp } from '../support/create-test-app.js';
import { CORPUS_DIR, describeWithShared } from '../support/corpus.js';
import { importPaths } from '../support/imports.js';
import { writeFiles } from '../support/temp-folder.js';

const FOLDERS = ['docs-en', 'hugo', 'news-zh', 'ruby-lang'];

/** The corpus files that cannot be imported, each with the reason it must fail. */
const EXPECTED_FAILURES: Record<string, string> = {
  // `- %` is not valid YAML (an unquoted directive indicator); Jekyll fails on it too.
  'docs-en/reference/5.1/Microsoft.PowerShell.Core/ForEach-Object.md': 'INVALID_YAML',
};

async function countPostFiles(root: string): Promise<number> {
  let count = 0;
  for await (const _entry of walkPosts(root)) count++;
  return count;
}

async function exportTo(app: INestApplication): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for await (const file of app.get(ExportService).files()) files.set(file.path, file.content);
  return files;
}

describeWithShared('import of the shared corpus', () => {
  let app: INestApplication;
  let prisma: PrismaService;
  const roots = FOLDERS.map((f) => path.join(CORPUS_DIR, f));
  let first: Awaited<ReturnType<typeof importPaths>>;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
    first = await importPaths(app, roots);
  }, 300_000);
  afterAll(() => app.close());

  it('accounts for every file: imported, skipped as a duplicate, or failed with its reason', async () => {
    const onDisk = (await Promise.all(roots.map(countPostFiles))).reduce((a, b) => a + b, 0);
    const c = first.counts;

    expect(c.total).toBe(onDisk);
    expect(c.created + c.updated + c.unchanged + c.skipped + c.failed).toBe(onDisk);
    expect(await prisma.importItem.count({ where: { jobId: first.id } })).toBe(onDisk);
    expect(c.failed / onDisk).toBeLessThan(0.01);
    expect(Object.fromEntries(first.errors.map((e) => [e.path, e.message.split(':')[0]]))).toEqual(EXPECTED_FAILURES);
    expect(await prisma.article.count()).toBe(c.created);
  });

  it('skips only the second copy of a story scraped twice (same `from:` URL), naming the copy it keeps', async () => {
    const skipped = await prisma.importItem.findMany({ where: { jobId: first.id, outcome: 'SKIPPED' } });

    expect(skipped.length).toBeGreaterThanOrEqual(34);
    for (const item of skipped)
      expect((item.warnings as { message: string }[])[0]!.message).toMatch(
        /same identity .* which is imported instead/,
      );
  });

  it('indexes every imported article exactly as searchDocument() of its stored text (the parse threads build it)', async () => {
    const articles = await prisma.article.findMany({ select: { id: true, title: true, excerpt: true, html: true } });
    const docs = articles.map((a) => searchDocument(a));
    const { rows } = await app.get(SqlPool).query<{ differing: string }>(
      `SELECT count(*) FILTER (WHERE a."searchVector" IS DISTINCT FROM pressroom_search_vector(v.tw, v.tb, v.bw, v.bb)) AS differing
       FROM unnest($1::uuid[], $2::text[], $3::tsvector[], $4::text[], $5::tsvector[]) AS v(id, tw, tb, bw, bb)
       JOIN "Article" a ON a.id = v.id`,
      [
        articles.map((a) => a.id),
        textArray(docs.map((d) => d.titleWords)),
        binaryArray(
          PG_OID.tsvector,
          docs.map((d) => d.titleBigrams),
        ),
        textArray(docs.map((d) => d.bodyWords)),
        binaryArray(
          PG_OID.tsvector,
          docs.map((d) => d.bodyBigrams),
        ),
      ],
    );
    expect(articles.length).toBeGreaterThan(4000);
    expect(Number(rows[0]!.differing)).toBe(0);
  });

  it('maps fields of each folder as its generator meant them', async () => {
    const ruby = await prisma.article.findFirstOrThrow({
      where: {
        sourcePath: 'ruby-lang/en/news/_posts/2013-11-22-heap-overflow-in-floating-point-parsing-cve-2013-4164.md',
      },
      include: { tags: { include: { tag: true } } },
    });
    expect(ruby.publishedAt?.toISOString()).toMatch(/^2013-11-22T0?5:00:00/);
    expect(ruby.language).toBe('en');

    const frenchDuplicateTitle = await prisma.article.findFirstOrThrow({
      where: { sourcePath: 'ruby-lang/fr/news/_posts/2013-06-27-ruby-1-8-7-p374-is-released.md' },
    });
    expect(frenchDuplicateTitle.language).toBe('fr');

    const hugo = await prisma.article.findMany({ where: { sourcePath: { startsWith: 'hugo/' } } });
    expect(hugo.length).toBe(319);
    expect(hugo.filter((a) => (a.frontMatter as Record<string, unknown>).aliases !== undefined).length).toBeGreaterThan(
      0,
    );

    const docs = await prisma.article.findFirstOrThrow({
      where: { sourcePath: 'docs-en/reference/5.1/Microsoft.PowerShell.Utility/Write-Host.md' },
    });
    expect((docs.frontMatter as Record<string, unknown>)['external help file']).toBeDefined();
    expect(docs.title).toBe('Write-Host');

    const zh = await prisma.article.count({ where: { sourcePath: { startsWith: 'news-zh/' }, language: 'zh' } });
    expect(zh).toBeGreaterThan(1400);
    const withAds = await prisma.article.count({
      where: { sourcePath: { startsWith: 'news-zh/' }, html: { contains: '<script' } },
    });
    expect(withAds).toBe(0);
  });

  it('changes nothing on a second import of the same folders', async () => {
    const revisions = await prisma.articleRevision.count();

    const again = await importPaths(app, roots);

    // Batches write concurrently, so the larger path of a duplicate identity can land first; the
    // report still reads as if they had landed in path order: each copy skipped on both imports.
    expect(first.counts.updated).toBe(0);
    expect(again.counts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: first.counts.created,
      skipped: first.counts.skipped,
      failed: first.counts.failed,
    });
    expect(await prisma.articleRevision.count()).toBe(revisions);
  }, 300_000);

  it('is a fixed point through export: import -> export -> import -> export gives the same files', async () => {
    const exported = await exportTo(app);
    const folder = await mkdtemp(path.join(tmpdir(), 'pressroom-export-'));
    await writeFiles(folder, Object.fromEntries(exported));
    const second = await createTestApp();
    try {
      const report = await importPaths(second, [folder]);
      expect(report.counts).toMatchObject({ failed: 0, created: exported.size });
      const reExported = await exportTo(second);
      expect([...reExported.keys()].sort()).toEqual([...exported.keys()].sort());
      const different = [...exported]
        .filter(([file, content]) => reExported.get(file) !== content)
        .map(([file]) => file);
      expect(different).toEqual([]);
      const sample = (await readdir(path.join(folder, '_posts'))).slice(0, 1);
      expect((await readFile(path.join(folder, '_posts', sample[0]!), 'utf8')).startsWith('---\n')).toBe(true);
    } finally {
      await second.close();
    }
  }, 300_000);
});
