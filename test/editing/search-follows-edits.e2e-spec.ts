import type { INestApplication } from '@nestjs/common';
import { SqlPool } from '@pressroom/database';
import { searchDocument } from '../../libs/content/src/search/search-document.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { PUBLISH_ARTICLE, UPDATE_ARTICLE, createViaApi } from './editing-support.js';

const SEARCH = 'query($q: String!) { search(query: $q, first: 5) { edges { node { id } } } }';

describe('the search index follows edits', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  async function found(query: string, token: string): Promise<string[]> {
    const { data, errors } = await gql(app, SEARCH, { q: query }, token);
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.search.edges.map((e: any) => e.node.id);
  }

  /** Whether the stored vector is exactly what searchDocument() of the stored text gives. */
  async function vectorIsExact(id: string): Promise<boolean> {
    const sql = app.get(SqlPool);
    const { rows } = await sql.query<{ title: string; excerpt: string | null; html: string }>(
      'SELECT title, excerpt, html FROM "Article" WHERE id = $1',
      [id],
    );
    const doc = searchDocument(rows[0]!);
    const { rows: same } = await sql.query<{ exact: boolean }>(
      `SELECT "searchVector" = pressroom_search_vector($1, $2::tsvector, $3, $4::tsvector) AS exact
       FROM "Article" WHERE id = $5`,
      [doc.titleWords, Buffer.from(doc.titleBigrams), doc.bodyWords, Buffer.from(doc.bodyBigrams), id],
    );
    return same[0]!.exact;
  }

  it('keeps the vector exact through publishing (which keeps it) and title, excerpt and body edits', async () => {
    const editor = await createToken(app, 'EDITOR');
    const article = await createViaApi(app, editor, {
      title: 'Harbour',
      body: 'The *ferry* runs at dawn. 渡轮清晨开。',
    });
    expect(await vectorIsExact(article.id)).toBe(true);
    await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);
    expect(await vectorIsExact(article.id)).toBe(true);
    const edits = [{ title: 'Harbour ferries' }, { excerpt: 'Dawn crossings.' }, { body: 'Night crossings.' }];
    for (const [i, input] of edits.entries()) {
      const { errors } = await gql(app, UPDATE_ARTICLE, { id: article.id, input, v: 2 + i }, editor);
      expect(errors).toBeUndefined();
      expect(await vectorIsExact(article.id)).toBe(true);
    }
    expect(await found('crossings', editor)).toEqual([article.id]);
    expect(await found('ferries', editor)).toEqual([article.id]);
  });

  it('keeps the vector exact when only the title changes, over the body part the row keeps', async () => {
    const editor = await createToken(app, 'EDITOR');
    // Past 16,383 positions, where a vector's positions stop: its body cannot be cut out of the
    // vector and shifted back, so only a kept body part gives the exact vector.
    const words = Array.from({ length: 17_000 }, (_, i) => `word${i % 300} ferry`).join(' ');
    const article = await createViaApi(app, editor, { title: 'Tide', body: `${words} 渡轮清晨开。 Harbour light.` });
    const sql = app.get(SqlPool);
    const titles = ['Tide tables for the whole harbour this week', '潮汐表 Tide', 'T', 'Harbour'];
    for (const [i, title] of titles.entries()) {
      const { errors } = await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title }, v: 1 + i }, editor);
      expect(errors).toBeUndefined();
      expect(await vectorIsExact(article.id)).toBe(true);
    }
    const { rows } = await sql.query<{ kept: boolean }>(
      'SELECT "searchBodyVector" IS NOT NULL AS kept FROM "Article" WHERE id = $1',
      [article.id],
    );
    expect(rows[0]!.kept).toBe(true);
    expect(await found('潮汐', editor)).toEqual([]);
    expect(await found('harbour', editor)).toEqual([article.id]);
  });

  it('computes the vector in full for a title change of a row with no kept body part (written by the import)', async () => {
    const editor = await createToken(app, 'EDITOR');
    const article = await createViaApi(app, editor, { title: 'Old', body: 'Quay walls and 码头.' });
    await app.get(SqlPool).query('UPDATE "Article" SET "searchBodyVector" = NULL WHERE id = $1', [article.id]);

    const { errors } = await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: 'New quay' }, v: 1 }, editor);

    expect(errors).toBeUndefined();
    expect(await vectorIsExact(article.id)).toBe(true);
    const { rows } = await app
      .get(SqlPool)
      .query<{ kept: boolean }>('SELECT "searchBodyVector" IS NOT NULL AS kept FROM "Article" WHERE id = $1', [
        article.id,
      ]);
    expect(rows[0]!.kept).toBe(true);
  });

  it('finds an article by the words of its latest version only, Chinese included', async () => {
    const editor = await createToken(app, 'EDITOR');
    const article = await createViaApi(app, editor, { title: 'Seawall study', body: 'The lighthouse keeper retired.' });
    await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);

    expect(await found('lighthouse', editor)).toEqual([article.id]);
    await gql(app, UPDATE_ARTICLE, { id: article.id, input: { body: '渔业合作社新建冷库。' }, v: 2 }, editor);

    expect(await found('lighthouse', editor)).toEqual([]);
    expect(await found('冷库', editor)).toEqual([article.id]);
  });
});
