import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { analyzeTables, SqlPool } from '@pressroom/database';
import { PlannerStatistics } from '../../libs/importer/src/planner-statistics.service.js';
import { createTestApp } from '../support/create-test-app.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';

// Issue 15: without statistics the planner took a batch's `"articleId" = ANY(250 ids)` to match
// most of a table, so every batch scanned every article and link written before it (58 million
// link rows read in a 100,000-post import). An import now analyses the tables it grows.
describe('planner statistics during an import', () => {
  let app: INestApplication;
  let sql: SqlPool;

  const posts = (prefix: string, count: number) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `${prefix}-${i}.md`,
        post(`title: ${prefix} ${i}\ndate: 2024-01-02\ntags: [t${i % 7}, u${i % 5}, common]`),
      ]),
    );
  const estimatedRows = async (table: string) =>
    (await sql.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1::regclass`, [table]))
      .rows[0]!.n;

  beforeAll(async () => {
    app = await createTestApp();
    sql = app.get(SqlPool);
    // What is checked here must not be autovacuum's doing (it is often off on bulk-load servers).
    for (const table of ['Article', 'ArticleTag', 'ArticleAuthor', 'ImportItem'])
      await sql.query(`ALTER TABLE "${table}" SET (autovacuum_enabled = false)`);
  });
  afterAll(() => app.close());

  it('analyses the tables once an import has written 1,000 articles, so the planner sizes a batch right', async () => {
    expect(await estimatedRows('"Article"')).toBeLessThan(1); // never analysed
    const report = await importPaths(app, [await tempFolder(posts('first', 1300))]);

    expect(report.counts).toMatchObject({ created: 1300, failed: 0 });
    expect(await estimatedRows('"Article"')).toBeGreaterThanOrEqual(1000);
    expect(await estimatedRows('"ArticleTag"')).toBeGreaterThanOrEqual(3000);
    expect(await estimatedRows('"ImportItem"')).toBeGreaterThanOrEqual(1000);
    // 250 articles have 750 links; without statistics the planner took them for most of the
    // table's 3,900 (and so scanned it whole, at any size).
    const ids = (await sql.query<{ id: string }>(`SELECT id::text FROM "Article" ORDER BY id LIMIT 250`)).rows;
    const plan = await sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN DELETE FROM "ArticleTag" WHERE "articleId" = ANY($1::uuid[])`,
      [ids.map((r) => r.id)],
    );
    const scanned = Number(/rows=(\d+)/.exec(plan.rows[1]!['QUERY PLAN'])![1]);
    expect(scanned).toBeGreaterThan(500);
    expect(scanned).toBeLessThan(1000);
  });

  it('leaves the statistics alone while an import adds less than the table held at its last analysis', async () => {
    const before = await estimatedRows('"Article"');
    const report = await importPaths(app, [await tempFolder(posts('second', 300))]);

    expect(report.counts).toMatchObject({ created: 300 });
    expect(await estimatedRows('"Article"')).toBe(before);
  });

  it('after an ANALYZE fails, waits until the import has written as much again before the next', async () => {
    const statistics = new PlannerStatistics(sql);
    const attempts = jest
      .spyOn(sql, 'transaction')
      .mockRejectedValue(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }));
    try {
      await statistics.written(4000); // more than the table's 1,600 + 1,000: tried, and failed
      await statistics.written(4000); // 8,000 written: not again yet
      expect(attempts).toHaveBeenCalledTimes(1);
      await statistics.written(2000); // past twice the 4,000 it failed at, plus 1,000
      expect(attempts).toHaveBeenCalledTimes(2);
    } finally {
      attempts.mockRestore();
    }
  });

  it('gives way at once to a session that holds one of the tables', async () => {
    await sql.transaction(async (tx) => {
      await tx.query(`LOCK TABLE "Redirect" IN SHARE UPDATE EXCLUSIVE MODE`);
      const started = Date.now();
      expect(await analyzeTables(sql, ['"Article"', '"Redirect"'])).toBe(false);
      expect(Date.now() - started).toBeLessThan(5000);
    });
    expect(await analyzeTables(sql, ['"Article"', '"Redirect"'])).toBe(true);
  });
});
