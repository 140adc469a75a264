import type { INestApplication } from '@nestjs/common';
import { SqlPool } from '@pressroom/database';
import { mergeSearchIndexPendingList } from '@pressroom/content';
import { createTestApp } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { UPDATE_ARTICLE, createViaApi } from './editing-support.js';

// Issue 15: the body's search index takes each save's entries through its pending list (an
// append, instead of ~725 index insertions for a Chinese article), and the API merges the list
// shortly after the writes (SearchIndexMerger, SEARCH_INDEX_MERGE_MS), so searches do not read a
// growing unsorted list. With the merger off, the list keeps what the saves added.
const SEARCH = 'query($q: String!) { search(query: $q, first: 5) { edges { node { id } } } }';

async function pendingPages(app: INestApplication): Promise<number> {
  const sql = app.get(SqlPool);
  await sql.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
  const { rows } = await sql.query<{ pages: number }>(
    `SELECT pending_pages::int AS pages FROM pgstatginindex('"Article_searchVector_idx"'::regclass)`,
  );
  return rows[0]!.pages;
}

async function saveTitles(app: INestApplication): Promise<string> {
  const editor = await createToken(app, 'EDITOR');
  const body = Array.from({ length: 40 }, (_, i) => `第${i}段：港口的渡轮在清晨出发，记者采访了船长和码头工人。`).join(
    '\n\n',
  );
  const article = await createViaApi(app, editor, { title: 'Harbour', body });
  for (let v = 1; v <= 12; v++) {
    const { errors } = await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: `Harbour ${v}` }, v }, editor);
    expect(errors).toBeUndefined();
  }
  const { data } = await gql(app, SEARCH, { q: '码头工人' }, editor);
  expect(data!.search.edges.map((e: any) => e.node.id)).toEqual([article.id]);
  return article.id;
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('the search index pending list after saves', () => {
  afterEach(() => delete process.env.SEARCH_INDEX_MERGE_MS);

  it('is merged by the API shortly after the saves', async () => {
    process.env.SEARCH_INDEX_MERGE_MS = '100';
    const app = await createTestApp();
    try {
      await saveTitles(app);
      expect(await until(async () => (await pendingPages(app)) === 0, 5_000)).toBe(true);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('keeps the index whole when a merge is cut short, and merges the rest next time', async () => {
    process.env.SEARCH_INDEX_MERGE_MS = '0';
    const app = await createTestApp();
    try {
      const id = await saveTitles(app);
      const sql = app.get(SqlPool);
      const pending = await pendingPages(app);
      expect(pending).toBeGreaterThan(0);
      // Held up by a session that has the index's lock, the merge runs out of its time.
      const blocked = await sql.transaction(async (tx) => {
        await tx.query('ALTER INDEX "Article_searchVector_idx" SET (fastupdate = on)');
        return mergeSearchIndexPendingList(sql, 200);
      });
      expect(blocked).toBe('cut');
      expect(await pendingPages(app)).toBe(pending);
      // Cut within a millisecond, wherever it stops (or done, on a machine that fast): never an error.
      const quick = await mergeSearchIndexPendingList(sql, 1);
      expect(quick === 'cut' || typeof quick === 'number').toBe(true);
      const editor = await createToken(app, 'EDITOR');
      const { data } = await gql(app, SEARCH, { q: '码头工人' }, editor);
      expect(data!.search.edges.map((e: any) => e.node.id)).toEqual([id]);

      expect(await mergeSearchIndexPendingList(sql, 5_000)).toEqual(expect.any(Number));
      expect(await pendingPages(app)).toBe(0);
      const after = await gql(app, SEARCH, { q: '码头工人' }, editor);
      expect(after.data!.search.edges.map((e: any) => e.node.id)).toEqual([id]);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('keeps what the saves added when the merger is off (the list is on; searches still find it)', async () => {
    process.env.SEARCH_INDEX_MERGE_MS = '0';
    const app = await createTestApp();
    try {
      await saveTitles(app);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await pendingPages(app)).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  }, 60_000);
});
