import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { CORPUS_DIR, describeWithShared } from '../support/corpus.js';
import { createArticle, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { importPaths } from '../support/imports.js';
import { tempFolder } from '../support/temp-folder.js';

const BY_SLUG = `query ($slug: String) { article(slug: $slug) { id slug status publishedAt } }`;
const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String) {
  articles(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id publishedAt } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
  }
}`;
const PUBLISH = `mutation ($id: ID!) { publishArticle(id: $id) { status publishedAt } }`;

const hugo = (header: string): string => `+++\n${header.trim()}\n+++\nBody text.\n`;
const DAY = 24 * 60 * 60 * 1000;

type Page = { edges: { cursor: string; node: { id: string; publishedAt: string | null } }[]; pageInfo: any };

describe('dates of imported pages (issue 12)', () => {
  let app: INestApplication;
  let editor: string;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  async function importHugo(files: Record<string, string>) {
    return importPaths(app, [await tempFolder(files)]);
  }
  const read = async (slug: string, token?: string) =>
    (await gql(app, BY_SLUG, { slug }, token)).data?.['article'] as Record<string, any> | null;

  it('shows an undated published Hugo page to anonymous readers, with a warning at import', async () => {
    const report = await importHugo({ 'content/posts/undated.md': hugo('title = "Undated"') });

    expect(await read('undated')).toMatchObject({ status: 'PUBLISHED', publishedAt: null });
    expect(report.warnings.map((w) => w.message).join('\n')).toMatch(/no date/);
  });

  it('takes a Hugo publishDate as the date, and one in the future schedules the page', async () => {
    const future = new Date(Date.now() + 30 * DAY).toISOString();
    await importHugo({
      'content/posts/later.md': hugo(`title = "Later"\npublishDate = "${future}"`),
      'content/posts/pub.md': hugo('title = "Pub"\npubdate = "2020-02-03T04:05:06Z"'),
    });

    expect(await read('later')).toBeNull();
    expect(await read('later', editor)).toMatchObject({ status: 'PUBLISHED', publishedAt: future });
    expect(await read('pub')).toMatchObject({ publishedAt: '2020-02-03T04:05:06.000Z' });
  });

  it('hides a page whose Hugo expiryDate has passed (ARCHIVED), and keeps one expiring later', async () => {
    const future = new Date(Date.now() + 30 * DAY).toISOString();
    await importHugo({
      'content/posts/gone.md': hugo('title = "Gone"\ndate = 2020-01-01\nexpiryDate = 2021-01-01'),
      'content/posts/still.md': hugo(`title = "Still"\ndate = 2020-01-01\nexpiryDate = "${future}"`),
    });

    expect(await read('gone')).toBeNull();
    expect(await read('gone', editor)).toMatchObject({ status: 'ARCHIVED' });
    expect(await read('still')).toMatchObject({ status: 'PUBLISHED' });
  });

  it('falls back to lastmod when a page has no date nor publishDate', async () => {
    await importHugo({ 'content/posts/mod.md': hugo('title = "Mod"\nlastmod = "2019-05-06T07:08:09Z"') });

    expect(await read('mod')).toMatchObject({ publishedAt: '2019-05-06T07:08:09.000Z' });
  });

  it('pages over undated articles, after the dated ones, returning each exactly once both ways', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await createArticle(app, { publishedAt: new Date(Date.now() - (i + 1) * DAY) })).id);
    for (let i = 0; i < 4; i++) ids.push((await createArticle(app, { publishedAt: null })).id);

    for (const token of [undefined, editor]) {
      const forward: Page['edges'] = [];
      for (let after: string | undefined, more = true; more;) {
        const page = (await gql(app, PAGE, { first: 2, after }, token)).data?.['articles'] as Page;
        forward.push(...page.edges);
        more = page.pageInfo.hasNextPage;
        after = page.pageInfo.endCursor;
      }
      expect(forward.map((e) => e.node.id).sort()).toEqual([...ids].sort());
      expect(forward.slice(0, 3).every((e) => e.node.publishedAt !== null)).toBe(true);
      expect(forward.slice(3).every((e) => e.node.publishedAt === null)).toBe(true);

      const backward: Page['edges'] = [];
      for (let before: string | undefined, more = true; more;) {
        const page = (await gql(app, PAGE, { last: 2, before }, token)).data?.['articles'] as Page;
        backward.unshift(...page.edges);
        more = page.pageInfo.hasPreviousPage;
        before = page.pageInfo.startCursor;
      }
      expect(backward.map((e) => e.node.id)).toEqual(forward.map((e) => e.node.id));
    }
  });

  it('gives an undated published article a date when publishArticle is called without `at`', async () => {
    const article = await createArticle(app, { publishedAt: null });
    const before = Date.now();

    const { data } = await gql(app, PUBLISH, { id: article.id }, editor);

    expect(data?.['publishArticle']?.status).toBe('PUBLISHED');
    expect(new Date(data?.['publishArticle']?.publishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describeWithShared('undated pages of the shared corpus', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    await importPaths(app, [path.join(CORPUS_DIR, 'hugo')]);
  }, 300_000);
  afterAll(() => app.close());

  it('shows every undated published Hugo page to anonymous readers', async () => {
    const undated = await app.get(PrismaService).article.findMany({
      where: { status: 'PUBLISHED', publishedAt: null },
      select: { id: true },
    });
    const seen = new Set<string>();
    for (let after: string | undefined, more = true; more;) {
      const page = (await gql(app, PAGE, { first: 100, after })).data?.['articles'] as Page;
      for (const edge of page.edges) seen.add(edge.node.id);
      more = page.pageInfo.hasNextPage;
      after = page.pageInfo.endCursor;
    }

    expect(undated.length).toBeGreaterThan(100);
    expect(undated.filter((a) => !seen.has(a.id))).toEqual([]);
  });
});
