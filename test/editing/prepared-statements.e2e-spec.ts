import type { INestApplication } from '@nestjs/common';
import { DatabasePool, PrismaService, preparedStatement } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { createTestDatabase } from '../support/test-database.js';
import { createViaApi, PUBLISH_ARTICLE, UPDATE_ARTICLE } from './editing-support.js';

const SEARCH = 'query($q: String!) { search(query: $q, first: 5) { edges { node { id title } } } }';
const BY_SLUG = 'query($slug: String!) { article(slug: $slug) { id slug title } }';
const LIST = `query($where: ArticleWhereInput, $after: String) { articles(first: 3, after: $after, where: $where) {
  totalCount pageInfo { endCursor } edges { node { title tags { slug } } } } }`;

/**
 * The hot statements of fixed text (a title save, an article's insert and general save, a read
 * by id or slug, a page of the front page or of one tag) are prepared once per connection: PostgreSQL parses and plans them once, then
 * runs a generic plan (after five runs), so they must stay right for any values.
 */
describe('prepared statements', () => {
  describe('DatabasePool', () => {
    const statement = preparedStatement('SELECT $1::int + 1 AS n');
    const prepared = (pool: DatabasePool) =>
      pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');

    it('prepares a PreparedStatement once on a connection and runs it with each run’s values', async () => {
      const pool = new DatabasePool({ url: await createTestDatabase(), poolSize: 1 });
      try {
        for (let i = 0; i < 8; i++) expect((await pool.query(statement, [i])).rows).toEqual([{ n: i + 1 }]);
        expect((await prepared(pool)).rows).toEqual([{ name: statement.name }]);
      } finally {
        await pool.onApplicationShutdown();
      }
    });

    it('runs it unprepared with DATABASE_PREPARED_STATEMENTS=false (a pooler that cannot keep them)', async () => {
      const pool = new DatabasePool({ url: await createTestDatabase(), poolSize: 1, preparedStatements: false });
      try {
        expect((await pool.query(statement, [41])).rows).toEqual([{ n: 42 }]);
        expect((await prepared(pool)).rows).toEqual([]);
      } finally {
        await pool.onApplicationShutdown();
      }
    });
  });

  describe('in the API', () => {
    let app: INestApplication;
    let sent: { sql: string; preparedAs?: string }[] = [];
    beforeAll(async () => {
      app = await createTestApp({ logQueries: true });
      app.get(DatabasePool).onQuery((sql, _target, _values, preparedAs) => sent.push({ sql, preparedAs }));
    });
    beforeEach(async () => {
      await resetDb(app);
      sent = [];
    });
    afterAll(() => app.close());

    const preparedNames = (fragment: string) =>
      new Set(sent.filter((s) => s.sql.includes(fragment)).map((s) => s.preparedAs ?? 'unprepared'));

    it('saves titles through one prepared statement, each save exact past the generic plan', async () => {
      const editor = await createToken(app, 'EDITOR');
      const article = await createViaApi(app, editor, { title: 'Harbour zero', body: 'The harbour reopened.' });
      let version = article.version as number;
      const titles = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
      for (const word of titles) {
        const saved = await gql(
          app,
          UPDATE_ARTICLE,
          { id: article.id, input: { title: `Harbour ${word}` }, v: version },
          editor,
        );
        expect(saved.errors).toBeUndefined();
        expect(saved.data!.updateArticle).toMatchObject({ title: `Harbour ${word}`, version: version + 1 });
        version = saved.data!.updateArticle.version;
      }
      const titleSaves = preparedNames('pressroom_search_title_part($6');
      expect(titleSaves.size).toBe(1);
      expect([...titleSaves][0]).toMatch(/^pressroom_/);

      // Every replaced state stored, in order, and the vector is the last title's, not an earlier one's.
      const revisions = await app
        .get(PrismaService)
        .articleRevision.findMany({ where: { articleId: article.id }, orderBy: { version: 'asc' } });
      expect(revisions.map((r) => (r.snapshot as any).title)).toEqual([
        'Harbour zero',
        ...titles.slice(0, -1).map((w) => `Harbour ${w}`),
      ]);
      const hits = async (q: string) =>
        (await gql(app, SEARCH, { q }, editor)).data!.search.edges.map((e: any) => e.node.title);
      expect(await hits('juliet')).toEqual(['Harbour juliet']);
      expect(await hits('india')).toEqual([]);
      expect(await hits('reopened')).toEqual(['Harbour juliet']);
    });

    it('creates, saves and reads by slug through prepared statements, the right row for each value', async () => {
      const editor = await createToken(app, 'EDITOR');
      const created = [];
      for (let i = 0; i < 7; i++) {
        const article = await createViaApi(app, editor, { title: `Story ${i}`, slug: `story-${i}`, body: `Body ${i}` });
        await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);
        created.push(article);
      }
      const edited = await gql(
        app,
        UPDATE_ARTICLE,
        { id: created[3]!.id, input: { title: 'Story three', body: 'Rewritten' }, v: 2 },
        editor,
      );
      expect(edited.errors).toBeUndefined();
      for (let i = 6; i >= 0; i--) {
        const read = await gql(app, BY_SLUG, { slug: `story-${i}` });
        expect(read.data!.article).toEqual({
          id: created[i]!.id,
          slug: `story-${i}`,
          title: i === 3 ? 'Story three' : `Story ${i}`,
        });
      }
      expect((await gql(app, BY_SLUG, { slug: 'story-7' })).data!.article).toBeNull();

      // The insert, the general save (one text per set of changed columns: the edit, the
      // publication) and the read by slug: each sent prepared, none unprepared.
      for (const fragment of ['INSERT INTO "Article" (id,', 'WHERE id = $1 AND version = $2\n', 'WHERE a.slug = $1']) {
        const names = [...preparedNames(fragment)];
        expect({ fragment, prepared: names.length > 0 && names.every((n) => n.startsWith('pressroom_')) }).toEqual({
          fragment,
          prepared: true,
        });
      }
    });

    it('pages through the front page and each tag prepared, past the generic plan; other filters not', async () => {
      const tags = await Promise.all([0, 1, 2].map((i) => createTag(app, { slug: `desk-${i}`, name: `Desk ${i}` })));
      const titles: string[][] = [[], [], []];
      for (let i = 0; i < 24; i++) {
        const tag = tags[i % 3]!;
        titles[i % 3]!.unshift(`Story ${i}`);
        await createArticle(app, { title: `Story ${i}`, publishedAt: new Date(Date.UTC(2024, 0, 1, i)), tags: [tag] });
      }
      const page = async (where: Record<string, unknown>, after: string | null) => {
        const { data, errors } = await gql(app, LIST, { where, after });
        expect(errors).toBeUndefined();
        return data!.articles;
      };
      // Eight pages of three, then each tag's pages: every run a new cursor or tag.
      const front: string[] = [];
      for (let after: string | null = null, i = 0; i < 8; i++) {
        const { edges, pageInfo, totalCount } = await page({}, after);
        expect(totalCount).toBe(24);
        front.push(...edges.map((e: any) => e.node.title));
        after = pageInfo.endCursor;
      }
      expect(front).toEqual([...Array(24).keys()].reverse().map((i) => `Story ${i}`));
      for (let round = 0; round < 2; round++) {
        for (const [i, tag] of tags.entries()) {
          const first = await page({ tagSlugs: [tag.slug] }, null);
          const second = await page({ tagSlugs: [tag.slug] }, first.pageInfo.endCursor);
          expect(first.totalCount).toBe(8);
          expect([...first.edges, ...second.edges].map((e: any) => e.node.title)).toEqual(titles[i]!.slice(0, 6));
        }
      }
      const filtered = await page({ tagSlugs: [tags[0]!.slug], publishedAfter: '2024-01-01T12:00:00Z' }, null);
      expect(filtered.edges.map((e: any) => e.node.title)).toEqual(['Story 21', 'Story 18', 'Story 15']);

      const lists = sent.filter((s) => s.sql.includes('a."title"') && /LIMIT 4\b/.test(s.sql));
      expect(lists).toHaveLength(8 + 12 + 1);
      const prepared = (s: { preparedAs?: string }) => s.preparedAs?.startsWith('pressroom_') === true;
      expect(lists.filter((s) => !s.sql.includes('publishedAt" >=')).every(prepared)).toBe(true);
      expect(lists.filter((s) => s.sql.includes('publishedAt" >=')).map(prepared)).toEqual([false]);
      // One text for all the front page's later pages (the cursor is a value), one for every tag's.
      expect(new Set(lists.filter(prepared).map((s) => s.preparedAs)).size).toBeLessThanOrEqual(4);
    });
  });
});
