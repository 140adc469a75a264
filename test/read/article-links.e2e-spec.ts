import type { INestApplication } from '@nestjs/common';
import { DatabasePool, SqlPool } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder, writeFiles } from '../support/temp-folder.js';

/**
 * Issue 14: ArticleTag and ArticleAuthor carry their article's status and date (copied by
 * triggers), and a tag's or an author's page walks the link's index in list order.
 */
describe('article links carry their article status and date', () => {
  let app: INestApplication;
  let editor: string;
  let admin: string;
  let statements: { sql: string; values: unknown[] }[] = [];

  beforeAll(async () => {
    app = await createTestApp({ logQueries: true });
    app.get(DatabasePool).onQuery((sql, _target, values) => {
      statements.push({ sql, values: values ?? [] });
    });
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    admin = await createToken(app, 'ADMIN');
  });
  afterAll(() => app.close());

  /** Links whose copies differ from their article (none, if the triggers did their work), and how many links there are. */
  async function disagreements(): Promise<{ links: number; wrong: number }> {
    const { rows } = await app.get(SqlPool).query<{ links: number; wrong: number }>(`
      SELECT count(*)::int AS links,
        count(*) FILTER (WHERE l."articleStatus" <> a.status OR l."articlePublishedAt" IS DISTINCT FROM a."publishedAt")::int AS wrong
      FROM (SELECT "articleId", "articleStatus", "articlePublishedAt" FROM "ArticleTag"
            UNION ALL SELECT "articleId", "articleStatus", "articlePublishedAt" FROM "ArticleAuthor") l
      JOIN "Article" a ON a.id = l."articleId"`);
    return rows[0]!;
  }

  async function mutate(query: string, variables: Record<string, unknown>, token = editor) {
    const { data, errors } = await gql(app, query, variables, token);
    expect(errors).toBeUndefined();
    return data!;
  }

  const tagPage = async (slug: string) => {
    const { data, errors } = await gql(
      app,
      `query($s: String!) { articles(first: 10, where: { tagSlugs: [$s] }) { totalCount edges { node { slug } } } }`,
      { s: slug },
    );
    expect(errors).toBeUndefined();
    return data!.articles as { totalCount: number; edges: { node: { slug: string } }[] };
  };

  it('stay equal to the article through create, publish, schedule, unpublish, retag, archive, merge and import', async () => {
    const tagA = await createTag(app, { slug: 'ta' });
    const tagB = await createTag(app, { slug: 'tb' });
    await createTag(app, { slug: 'tc' });
    const author = await createAuthor(app, { slug: 'writer' });
    const created = await mutate(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id version } }`,
      { input: { title: 'Links', slug: 'links', tags: [{ slug: 'ta' }], authors: [{ id: author.id }] } },
    );
    const { id } = created.createArticle as { id: string };
    let { version } = created.createArticle as { version: number };
    expect(await disagreements()).toEqual({ links: 2, wrong: 0 });
    expect((await tagPage('ta')).totalCount).toBe(0);

    const step = async (mutation: string, extra: Record<string, unknown> = {}) => {
      const data = await mutate(mutation, { id, v: version, ...extra });
      version = (Object.values(data)[0] as { version: number }).version;
      return disagreements();
    };
    const PUBLISH = `mutation($id: ID!, $v: Int, $at: DateTime) { publishArticle(id: $id, expectedVersion: $v, at: $at) { version } }`;
    expect(await step(PUBLISH)).toEqual({ links: 2, wrong: 0 });
    expect((await tagPage('ta')).edges.map((e) => e.node.slug)).toEqual(['links']);

    expect(await step(PUBLISH, { at: new Date(Date.now() + 86_400_000).toISOString() })).toEqual({
      links: 2,
      wrong: 0,
    });
    expect((await tagPage('ta')).totalCount).toBe(0); // scheduled for tomorrow

    expect(await step(PUBLISH, { at: '2020-05-01T00:00:00Z' })).toEqual({ links: 2, wrong: 0 });
    expect((await tagPage('ta')).totalCount).toBe(1);

    const UNPUBLISH = `mutation($id: ID!, $v: Int) { unpublishArticle(id: $id, expectedVersion: $v) { version } }`;
    expect(await step(UNPUBLISH)).toEqual({ links: 2, wrong: 0 });
    expect((await tagPage('ta')).totalCount).toBe(0);

    await step(PUBLISH);
    // New links written in the same statement as the article's update.
    const RETAG = `mutation($id: ID!, $v: Int, $tags: [TagRefInput!]) {
      updateArticle(id: $id, expectedVersion: $v, input: { tags: $tags, title: "Links again" }) { version } }`;
    expect(await step(RETAG, { tags: [{ slug: 'tb' }, { slug: 'tc' }] })).toEqual({ links: 3, wrong: 0 });
    expect((await tagPage('tb')).totalCount).toBe(1);
    expect((await tagPage('ta')).totalCount).toBe(0);

    await mutate(
      `mutation($s: [ID!]!, $t: ID!) { mergeTags(sources: $s, target: $t) { id } }`,
      {
        s: [tagB.id],
        t: tagA.id,
      },
      admin,
    );
    expect(await disagreements()).toEqual({ links: 3, wrong: 0 });
    expect((await tagPage('ta')).totalCount).toBe(1);

    const ARCHIVE = `mutation($id: ID!, $v: Int) { archiveArticle(id: $id, expectedVersion: $v) { version } }`;
    await mutate(ARCHIVE, { id, v: version + 1 }); // the merge made a version
    expect(await disagreements()).toEqual({ links: 3, wrong: 0 });
    expect((await tagPage('ta')).totalCount).toBe(0);

    // The importer: new posts, then the same posts with new dates and tags.
    const folder = await tempFolder({
      'one.md': post('title: One\ndate: 2024-01-02\ntags: [ta, td]\nauthor: writer'),
      'two.md': post('title: Two\ndate: 2024-01-03\ntags: [td]\nauthor: writer\npublished: false'),
    });
    await importPaths(app, [folder], { defaultStatus: 'PUBLISHED' });
    const afterImport = await disagreements();
    expect(afterImport.wrong).toBe(0);
    expect(afterImport.links).toBeGreaterThanOrEqual(7);
    expect((await tagPage('td')).edges.map((e) => e.node.slug)).toEqual(['one']);
    await writeFiles(folder, {
      'one.md': post('title: One\ndate: 2024-02-02\ntags: [td, te]\nauthor: writer'),
      'two.md': post('title: Two\ndate: 2024-01-03\ntags: [td]\nauthor: writer'),
    });
    await importPaths(app, [folder], { defaultStatus: 'PUBLISHED' });
    expect((await disagreements()).wrong).toBe(0);
    expect((await tagPage('td')).edges.map((e) => e.node.slug)).toEqual(['one', 'two']);
  });

  /** The statement the API ran for a read, explained as it ran (values included), seq scans off. */
  async function planOf(query: string, variables: Record<string, unknown>): Promise<{ sql: string; plan: string }> {
    await gql(app, '{ __typename }');
    statements = [];
    const { errors } = await gql(app, query, variables);
    expect(errors).toBeUndefined();
    const read = statements.find((s) => /"Article" a/.test(s.sql) && !/^(BEGIN|COMMIT|SET)/.test(s.sql.trim()))!;
    const plan = await app.get(SqlPool).transaction(async (client) => {
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${read.sql}`, read.values);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    return { sql: read.sql, plan };
  }

  it.each([
    [
      "a tag's page with its count",
      `{ articles(first: 3, where: { tagSlugs: ["ta"] }) { totalCount edges { node { slug } } } }`,
      'ArticleTag_tagId_articlePublishedAt_articleId_idx',
    ],
    [
      "an author's page",
      `{ articles(first: 3, where: { authorSlug: "writer" }) { edges { node { slug } } } }`,
      'ArticleAuthor_authorId_articlePublishedAt_articleId_idx',
    ],
    [
      "a tag's page, oldest first",
      `{ articles(first: 3, orderBy: { field: PUBLISHED_AT, direction: ASC }, where: { tagSlugs: ["ta"] }) { edges { node { slug } } } }`,
      'ArticleTag_tagId_articlePublishedAt_articleId_idx',
    ],
  ])('reads %s from the link index in list order, without sorting', async (_name, query, index) => {
    const tag = await createTag(app, { slug: 'ta' });
    const author = await createAuthor(app, { slug: 'writer' });
    const { rows } = await app.get(SqlPool).query<{ id: string }>(
      `INSERT INTO "Article" (id, slug, title, body, html, status, "publishedAt")
       SELECT gen_random_uuid(), 'p-' || i, 'P ' || i, 'x', '<p>x</p>', 'PUBLISHED', now() - i * interval '1 hour'
       FROM generate_series(1, 50) i RETURNING id`,
    );
    const ids = rows.map((r) => r.id);
    await app
      .get(SqlPool)
      .query(`INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT unnest($1::uuid[]), $2::uuid`, [ids, tag.id]);
    await app
      .get(SqlPool)
      .query(`INSERT INTO "ArticleAuthor" ("articleId", "authorId", position) SELECT unnest($1::uuid[]), $2::uuid, 0`, [
        ids,
        author.id,
      ]);
    await app.get(SqlPool).query('ANALYZE "ArticleTag"; ANALYZE "ArticleAuthor"; ANALYZE "Article"');
    const { plan } = await planOf(query, {});
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it('pages a tag the same forwards, backwards and as the whole list in date order', async () => {
    const tag = await createTag(app, { slug: 'ta' });
    await app.get(SqlPool).query(
      `INSERT INTO "Article" (id, slug, title, body, html, status, "publishedAt")
       SELECT gen_random_uuid(), 'p-' || i, 'P ' || i, 'x', '<p>x</p>',
         (CASE WHEN i % 5 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"ArticleStatus",
         CASE WHEN i % 7 = 0 THEN NULL ELSE timestamptz '2024-01-01' + (i / 3) * interval '1 day' END
       FROM generate_series(1, 40) i`,
    );
    await app
      .get(SqlPool)
      .query(`INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT id, $1::uuid FROM "Article"`, [tag.id]);
    const { rows } = await app.get(SqlPool).query<{ slug: string }>(
      `SELECT slug FROM "Article" a WHERE a.status = 'PUBLISHED' AND (a."publishedAt" IS NULL OR a."publishedAt" <= now())
       ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC`,
    );
    const expected = rows.map((r) => r.slug);
    expect(expected).toHaveLength(32);
    const PAGE = `query($after: String, $before: String, $first: Int, $last: Int) {
      articles(first: $first, after: $after, last: $last, before: $before, where: { tagSlugs: ["ta"] }) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { slug } } } }`;
    type Page = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
      edges: { node: { slug: string } }[];
    };
    const forward: string[] = [];
    let after: string | null = null;
    do {
      const { data } = await gql(app, PAGE, { first: 7, after });
      const page = data!.articles as Page;
      expect(page.totalCount).toBe(32);
      forward.push(...page.edges.map((e) => e.node.slug));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(forward).toEqual(expected);
    const backward: string[] = [];
    let before: string | null = null;
    do {
      const { data } = await gql(app, PAGE, { last: 5, before });
      const page = data!.articles as Page;
      backward.unshift(...page.edges.map((e) => e.node.slug));
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    } while (before);
    expect(backward).toEqual(expected);
    const { data } = await gql(
      app,
      `{ tags(first: 5) { edges { node { articleCount articles(first: 40) { edges { node { slug } } } } } } }`,
    );
    const node = (data!.tags as { edges: { node: { articleCount: number; articles: Page } }[] }).edges[0]!.node;
    expect(node.articleCount).toBe(32);
    expect(node.articles.edges.map((e) => e.node.slug)).toEqual(expected);
  });
});
