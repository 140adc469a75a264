import type { INestApplication } from '@nestjs/common';
import { ContentChanges, DatabasePool, SqlPool, type Author, type Tag } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { recordStatements } from '../support/statements.js';

const FRONT_PAGE = `query($n: Int) { articles(first: $n) {
  totalCount edges { node { title authors { name articleCount } tags { name kind articleCount } } } } }`;
const AUTHOR_PAGES = `query($n: Int) { authors(first: $n) { edges { node { name articleCount
  articles(first: 3) { totalCount edges { node { title tags { name } } } } } } } }`;
const SEARCH = `query($n: Int) { search(query: "harbour", first: $n) { totalCount edges { score highlight node { title authors { name } tags { name } } } } }`;

/** SQL statements per request, whatever the page size: relations load in batches, never per row. */
describe('statements per request', () => {
  let app: INestApplication;
  let statements = 0;

  beforeAll(async () => {
    app = await createTestApp({ logQueries: true });
    // Counted at the process's one pool: Prisma, SqlReader, SqlPool and the job queue alike.
    app.get(DatabasePool).onQuery(() => {
      statements++;
    });
  });
  afterAll(() => app.close());

  async function seed(count: number): Promise<void> {
    await resetDb(app);
    const authors: Author[] = [];
    const tags: Tag[] = [];
    for (let i = 0; i < count; i++) authors.push(await createAuthor(app));
    for (let i = 0; i < 10; i++) tags.push(await createTag(app, { kind: i % 2 ? 'TAG' : 'CATEGORY' }));
    for (let i = 0; i < count; i++) {
      await createArticle(app, {
        title: `Harbour news ${i}`,
        authors: [authors[i]!, authors[(i + 1) % count]!],
        tags: [tags[i % 10]!, tags[(i + 3) % 10]!, tags[(i + 7) % 10]!],
      });
    }
  }

  async function countStatements(query: string, n: number): Promise<number> {
    // The next scheduled publication is looked up once per content change (once the seed's
    // notifications have arrived), not per request.
    await app.get(ContentChanges).caughtUp();
    await gql(app, '{ __typename }');
    statements = 0;
    const { data, errors } = await gql(app, query, { n });
    expect(errors).toBeUndefined();
    expect(JSON.stringify(data)).toContain('Harbour');
    return statements;
  }

  it.each([
    ['a page of articles with authors, tags and counts', FRONT_PAGE, 4],
    ["authors with their latest articles and those articles' tags", AUTHOR_PAGES, 4],
    // BEGIN with SET LOCAL enable_seqscan, the search, COMMIT (see SearchService.usingIndex).
    ['search hits with authors and tags', SEARCH, 3],
  ])(
    'is the same small number for 20 and 100 rows: %s',
    async (_name, query, bound) => {
      await seed(20);
      const for20 = await countStatements(query, 20);
      await seed(100);
      const for100 = await countStatements(query, 100);
      expect({ for20, for100 }).toEqual({ for20, for100: for20 });
      expect(for20).toBeLessThanOrEqual(bound);
    },
    60_000,
  );
});

/** Which statements a read runs (issue 14): counts only when asked for, in the page's statement. */
describe('statements of counted reads', () => {
  let app: INestApplication;
  let editor: string;
  let statements: string[];
  const reads = () => statements.filter((s) => !/^(BEGIN|COMMIT|SET)/.test(s.trim()));

  beforeAll(async () => {
    app = await createTestApp({ logQueries: true });
    statements = recordStatements(app);
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  async function run(query: string, token?: string) {
    await app.get(ContentChanges).caughtUp();
    await gql(app, '{ __typename }');
    statements.length = 0;
    const { data, errors } = await gql(app, query, {}, token);
    expect(errors).toBeUndefined();
    return data!;
  }

  it('reads a tag page and its totalCount in one statement, and counts nothing without totalCount', async () => {
    const tag = await createTag(app, { slug: 'harbour' });
    for (let i = 0; i < 3; i++) await createArticle(app, { title: `Harbour ${i}`, tags: [tag] });
    await createArticle(app, { title: 'Elsewhere' });
    const page = '{ articles(first: 2, where: { tagSlugs: ["harbour"] }) { totalCount edges { node { title } } } }';
    const data = await run(page);
    expect(data.articles.totalCount).toBe(3);
    expect(data.articles.edges).toHaveLength(2);
    expect(reads()).toHaveLength(1);
    expect(reads()[0]).toMatch(/count\(\*\)/);
    await run('{ articles(first: 2, where: { tagSlugs: ["harbour"] }) { edges { node { title } } } }');
    expect(reads()).toHaveLength(1);
    expect(reads()[0]).not.toMatch(/count\(/);
  });

  it('gives the count of a page past the end', async () => {
    const tag = await createTag(app, { slug: 'ferry' });
    await createArticle(app, { title: 'Ferry', tags: [tag] });
    const first = await run('{ articles(where: { tagSlugs: ["ferry"] }) { pageInfo { endCursor } } }');
    const after = JSON.stringify(first.articles.pageInfo.endCursor);
    const data = await run(
      `{ articles(after: ${after}, where: { tagSlugs: ["ferry"] }) { totalCount edges { cursor } } }`,
    );
    expect(data.articles).toEqual({ totalCount: 1, edges: [] });
    expect(reads()).toHaveLength(1);
  });

  it('searches without counting when totalCount is not selected', async () => {
    await createArticle(app, { title: 'Harbour news' });
    await run('{ search(query: "harbour") { edges { score node { title } } } }');
    expect(reads().some((s) => /count\(/.test(s))).toBe(false);
    const data = await run('{ search(query: "harbour") { totalCount totalCountIsEstimate } }');
    expect(data.search).toEqual({ totalCount: 1, totalCountIsEstimate: false });
  });

  it.each([
    [
      'newest first, as anonymous readers see it',
      `a.status = 'PUBLISHED'`,
      `a."publishedAt" DESC NULLS LAST, a.id DESC`,
    ],
    ['newest first, as editors see it', 'TRUE', `a."publishedAt" DESC NULLS LAST, a.id DESC`],
    ['oldest first', 'TRUE', `a."publishedAt" ASC NULLS FIRST, a.id ASC`],
    ['by title', 'TRUE', 'a.title DESC, a.id DESC'],
  ])('reads a list %s from an index in its order, without sorting the table', async (_name, where, order) => {
    const plan = await app.get(SqlPool).transaction(async (client) => {
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query(
        `EXPLAIN SELECT a.id FROM "Article" a WHERE ${where} ORDER BY ${order} LIMIT 21`,
      );
      return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan/);
    expect(plan).not.toMatch(/Sort/);
  });

  it('looks tags up by (kind, slug) through their unique index when an article names them', async () => {
    await createTag(app, { slug: 'harbour' });
    const { errors } = await gql(
      app,
      'mutation { createArticle(input: { title: "T", body: "b", tags: [{ slug: "harbour", kind: TAG }] }) { id } }',
      {},
      editor,
    );
    expect(errors).toBeUndefined();
    const lookup = statements.find((s) => /FROM "Tag"/.test(s) && /\$2::text\[\]/.test(s));
    expect(lookup).toBeDefined();
    // As on a large table: the planner must have an index it can use, or it scans anyway.
    const plan = await app.get(SqlPool).transaction(async (client) => {
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query(`EXPLAIN ${lookup!}`, [[], ['TAG:harbour']]);
      return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('Tag_kind_slug_key');
    expect(plan).not.toMatch(/Seq Scan on "Tag"/);
  });
});
