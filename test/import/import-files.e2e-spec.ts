import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { ImportJobsService, ImportRunner, ImportService } from '@pressroom/importer';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { describeWithShared, SAMPLE_POSTS_DIR, SEED_FILE } from '../support/corpus.js';
import { gql } from '../support/gql.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder, writeFiles } from '../support/temp-folder.js';

/** The warnings other than the one every undated published post gets (issue 12). */
const dated = <T extends { message: string }>(warnings: T[]): T[] =>
  warnings.filter((w) => !w.message.startsWith('no date'));

describe('import of front-matter files', () => {
  let app: INestApplication;
  let prisma: PrismaService;
  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  describeWithShared('the seed post', () => {
    it('lands with every field where it belongs', async () => {
      const report = await importPaths(app, [SEED_FILE]);
      const { data } = await gql(
        app,
        `{ articles(first: 1) { edges { node {
        title publishedAt status language sourceUrl excerpt html frontMatter
        authors { name slug } tags { name kind } } } } }`,
      );
      const seed = data!.articles.edges[0].node;

      expect(report.counts).toMatchObject({ total: 1, created: 1, failed: 0 });
      expect(seed.title).toBe('王毅与布林肯通话：各方有必要同塔利班进行接触');
      expect(seed.publishedAt).toBe('2021-08-30T01:33:13.561Z');
      expect(seed.status).toBe('PUBLISHED');
      expect(seed.language).toBe('zh');
      expect(seed.sourceUrl).toBe('https://www.zaobao.com/realtime/china/story20210830-1188123');
      expect(seed.authors.map((a: any) => a.name)).toEqual(['联合早报']);
      expect(seed.tags).toEqual(
        expect.arrayContaining([
          { name: '联合早报', kind: 'TAG' },
          { name: '联合早报', kind: 'CATEGORY' },
        ]),
      );
      expect(seed.frontMatter.layout).toBe('post');
      expect(seed.html).toContain('中方将根据美的对华态度考虑如何同美方进行接触');
      expect(seed.html).toContain('布林肯和王毅两人谈了国际社会必须要让塔利班遵守');
      expect(seed.html).not.toMatch(/dfp-ad|id="imu"|<!--|<script|\son[a-z]+=/i);
      expect(seed.excerpt).toBeTruthy();
      expect(seed.excerpt).not.toMatch(/[<>]/);
    });

    it('changes nothing when imported again', async () => {
      await importPaths(app, [SEED_FILE]);
      const before = await prisma.article.findFirstOrThrow();

      const again = await importPaths(app, [SEED_FILE]);

      expect(again.counts).toMatchObject({ total: 1, created: 0, updated: 0, unchanged: 1 });
      const after = await prisma.article.findFirstOrThrow();
      expect(after.version).toBe(before.version);
      expect(after.updatedAt).toEqual(before.updatedAt);
      // The current state is the row: no revision copies it.
      expect(await prisma.articleRevision.count()).toBe(0);
    });
  });

  it('imports every bundled sample post, drafts included, without a failure', async () => {
    const report = await importPaths(app, [SAMPLE_POSTS_DIR]);

    expect(report.counts.failed).toBe(0);
    expect(report.counts.created).toBe(report.counts.total);
    expect(report.counts.total).toBeGreaterThanOrEqual(20);
    expect(await prisma.article.count({ where: { status: 'DRAFT' } })).toBeGreaterThanOrEqual(2);
    expect(await prisma.author.count()).toBeGreaterThanOrEqual(3);
    expect(await prisma.tag.count({ where: { kind: 'CATEGORY' } })).toBeGreaterThanOrEqual(2);
    expect(await prisma.article.count({ where: { language: 'zh' } })).toBeGreaterThan(0);
    expect(await prisma.article.count({ where: { language: 'en' } })).toBeGreaterThan(0);
  });

  it('updates a changed file in place, bumps its version and stores the state it replaced', async () => {
    const root = await tempFolder({ '_posts/2024-01-02-harbour.md': post('title: Harbour\ntags: [a, b]', 'First.') });
    await importPaths(app, [root]);
    const created = await prisma.article.findFirstOrThrow();
    await writeFiles(root, {
      '_posts/2024-01-02-harbour.md': post('title: Harbour, revised\ntags: [b, c]', 'Second.'),
    });

    const report = await importPaths(app, [root]);

    const updated = await prisma.article.findFirstOrThrow({ include: { tags: { include: { tag: true } } } });
    expect(report.counts).toMatchObject({ total: 1, updated: 1, created: 0 });
    expect(updated.id).toBe(created.id);
    expect(updated.version).toBe(2);
    expect(updated.title).toBe('Harbour, revised');
    expect(updated.body).toBe('Second.\n');
    expect(updated.tags.map((t) => t.tag.slug).sort()).toEqual(['b', 'c']);
    expect(updated).toMatchObject({ versionAction: 'import', versionActor: expect.stringMatching(/^import:/) });
    const revisions = await prisma.articleRevision.findMany({ orderBy: { version: 'asc' } });
    expect(revisions.map((r) => [r.version, r.action, (r.snapshot as any).title])).toEqual([[1, 'import', 'Harbour']]);
  });

  it('stores the whole editable state a changed re-import replaces', async () => {
    const header =
      'title: "Snapshot: 快照"\nauthor: [Zed Writer, Amy Writer]\ntags: [zeta, alpha, 新闻]\ncategories: news\nlastmod: 2024-02-03T04:05:06.789+02:00\nlayout: post\nextra: { nested: [1, "two"] }';
    const root = await tempFolder({ '_posts/2024-01-02-snapshot.md': post(header, 'Body *with* markup.') });
    await importPaths(app, [root]);
    const article = await prisma.article.findFirstOrThrow({ include: { authors: true, tags: true } });
    await writeFiles(root, { '_posts/2024-01-02-snapshot.md': post(header.replace('alpha', 'beta'), 'Changed.') });
    await importPaths(app, [root]);

    const authorIds = [...article.authors].sort((a, b) => a.position - b.position).map((a) => a.authorId);
    const revision = await prisma.articleRevision.findFirstOrThrow({ where: { version: 1 } });
    expect((await prisma.article.findFirstOrThrow()).body).toBe('Changed.\n');
    expect(authorIds).toHaveLength(2);
    expect(revision.snapshot).toEqual({
      title: article.title,
      slug: article.slug,
      excerpt: article.excerpt,
      body: article.body,
      bodyFormat: article.bodyFormat,
      status: article.status,
      publishedAt: article.publishedAt!.toISOString(),
      lastModifiedAt: '2024-02-03T02:05:06.789Z',
      language: article.language,
      sourceUrl: article.sourceUrl,
      frontMatter: article.frontMatter,
      authorIds,
      tagIds: article.tags.map((t) => t.tagId).sort(),
    });
  });

  it('lands two different posts that want one slug, the second with a stable suffix, and says so', async () => {
    const root = await tempFolder({ 'a/hello.md': post('title: Hello A'), 'b/hello.md': post('title: Hello B') });

    const report = await importPaths(app, [root]);

    const slugs = (await prisma.article.findMany({ orderBy: { sourcePath: 'asc' } })).map((a) => a.slug);
    expect(report.counts.created).toBe(2);
    expect(slugs[0]).toBe('hello');
    expect(slugs[1]).toMatch(/^hello-[0-9a-f]{6}$/);
    expect(dated(report.warnings)).toEqual([
      expect.objectContaining({ path: 'b/hello.md', message: expect.stringContaining('taken') }),
    ]);
    const again = await importPaths(app, [root]);
    expect(again.counts.unchanged).toBe(2);
    expect((await prisma.article.findMany({ orderBy: { sourcePath: 'asc' } })).map((a) => a.slug)).toEqual(slugs);
  });

  it('imports one article once when two files share an identity, and reports the other as skipped', async () => {
    const header = 'title: Same story\nfrom: https://example.org/news/1';
    const root = await tempFolder({ 'a.md': post(header, 'one'), 'b.md': post(header, 'two') });

    const report = await importPaths(app, [root]);

    expect(report.counts).toMatchObject({ created: 1, skipped: 1 });
    expect((await prisma.article.findFirstOrThrow()).body).toBe('one\n');
    expect(dated(report.warnings)).toEqual([
      expect.objectContaining({ path: 'b.md', message: expect.stringContaining('a.md') }),
    ]);
  });

  it('reports the copy as skipped and the owner as created when the batch of the copy committed first', async () => {
    const header = 'title: Same story\nfrom: https://example.org/news/2';
    const root = await tempFolder({ 'a.md': post(header, 'one'), 'b.md': post(header, 'two') });
    const job = await app.get(ImportService).createJob({ source: 'cli', sourcePath: root, createdBy: 'test' });
    // Batches are written two at a time, so b.md's can commit before a.md's.
    for (const name of ['b.md', 'a.md']) {
      await app.get(ImportRunner).importEntries(
        job,
        (async function* () {
          yield { path: name, file: path.join(root, name) };
        })(),
      );
    }

    const report = await app.get(ImportJobsService).report(job.id);
    expect(report.counts).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    const items = await prisma.importItem.findMany({ where: { jobId: job.id }, orderBy: { path: 'asc' } });
    const article = await prisma.article.findFirstOrThrow();
    expect(items.map((i) => [i.path, i.outcome, i.articleId])).toEqual([
      ['a.md', 'CREATED', article.id],
      ['b.md', 'SKIPPED', null],
    ]);
    expect(dated(report.warnings)).toEqual([
      expect.objectContaining({ path: 'b.md', message: expect.stringContaining('as a.md, which is imported instead') }),
    ]);
    expect(article).toMatchObject({ sourcePath: 'a.md', body: 'one\n' });
  });

  it('fails each broken file alone with its path, line and reason, and imports the rest', async () => {
    const root = await tempFolder({
      'good.md': post('title: Good'),
      'bad-yaml.md': '---\ntitle: Bad\ntags: [unclosed\n---\nbody\n',
      'bad-date.md': post('title: Bad date\ndate: 2021-02-30'),
      'unclosed.md': '---\ntitle: never closed\n',
      'empty.md': '',
      'binary.md': Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]),
      'latin1.md': Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'),
    });

    const report = await importPaths(app, [root]);

    expect(report.counts).toMatchObject({ total: 7, created: 1, failed: 6 });
    const byPath = Object.fromEntries(report.errors.map((e) => [e.path, e]));
    expect(byPath['bad-yaml.md']).toMatchObject({
      line: expect.any(Number),
      message: expect.stringContaining('INVALID_YAML'),
    });
    expect(byPath['bad-date.md']).toMatchObject({ line: 3, message: expect.stringContaining('INVALID_DATE') });
    expect(byPath['unclosed.md']!.message).toContain('UNCLOSED_HEADER');
    expect(byPath['empty.md']!.message).toContain('EMPTY_FILE');
    expect(byPath['binary.md']!.message).toMatch(/BINARY_CONTENT|INVALID_ENCODING/);
    expect(byPath['latin1.md']!.message).toContain('INVALID_ENCODING');
    expect(await prisma.article.count()).toBe(1);
  });

  it('writes nothing on a dry run but reports what would happen', async () => {
    const root = await tempFolder({ 'one.md': post('title: One'), 'two.md': post('title: Two'), 'bad.md': '' });

    const report = await importPaths(app, [root], { dryRun: true });

    expect(report.dryRun).toBe(true);
    expect(report.counts).toMatchObject({ total: 3, created: 2, failed: 1 });
    expect(await prisma.article.count()).toBe(0);
    expect(await prisma.author.count()).toBe(0);
    expect(await prisma.articleRevision.count()).toBe(0);
  });

  it('gives DRAFT to _drafts/, published: false and draft: true, and honours defaultStatus', async () => {
    const root = await tempFolder({
      '_drafts/idea.md': post('title: Idea'),
      'off.md': post('title: Off\npublished: false'),
      'hugo.md': post('title: Hugo draft\ndraft: true'),
      'plain.md': post('title: Plain'),
    });

    await importPaths(app, [root], { defaultStatus: 'DRAFT' });

    const rows = await prisma.article.findMany({ select: { title: true, status: true } });
    expect(rows.every((r) => r.status === 'DRAFT')).toBe(true);
    await resetDb(app);
    await importPaths(app, [root]);
    const published = await prisma.article.findMany({ where: { status: 'PUBLISHED' }, select: { title: true } });
    expect(published.map((r) => r.title)).toEqual(['Plain']);
  });

  it('records permalinks and aliases as redirects to the article', async () => {
    const root = await tempFolder({
      'p.md': post('title: Moved\npermalink: /old/moved.html\naliases: [/2019/moved/]'),
    });

    await importPaths(app, [root]);

    const article = await prisma.article.findFirstOrThrow({ include: { redirects: true } });
    // Stored as lookup keys (redirectKey): lower case, no trailing slash.
    expect(article.redirects.map((r) => r.path).sort()).toEqual(['/2019/moved', '/old/moved.html']);
  });
});
