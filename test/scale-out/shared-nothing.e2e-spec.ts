import type { ChildProcess } from 'node:child_process';
import { DATABASE_OPTIONS, type DatabaseOptions } from '@pressroom/database';
import { insertToken, startApiProcess, type ApiProcess, uploadArchive } from '../support/api-process.js';
import { tarOf } from '../support/archives.js';
import { createTestApp } from '../support/create-test-app.js';
import { importPaths } from '../support/imports.js';
import { filesUnder } from '../support/staging.js';
import { post, tempFolder } from '../support/temp-folder.js';
import { createTestDatabase } from '../support/test-database.js';
import {
  ENDED_STATUSES,
  importJobEnded,
  importJobRow,
  importJobStarted,
  newDataDir,
  queryRows,
  SHORT_EXPIRY,
  startWorkerProcess,
  stopProcess,
} from '../support/worker-process.js';

/**
 * Issue 13's layout, with nothing shared but PostgreSQL: two API processes and `cms worker`
 * processes, each with a DATA_DIR of its own. An archive uploaded to API A is imported by a
 * worker, which is killed mid-job and replaced; API B's cached answer follows within a second,
 * and the rows are those of an import nobody interrupted.
 */
const AGREEMENT_MS = 1000;
const CACHED = { RESPONSE_CACHE_MAX_BYTES: String(32 * 1024 * 1024), CACHE_MAX_AGE: '60' };
const COUNT = '{ articles(first: 1) { totalCount } }';

function postsOf(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    files[`blog/_posts/2024-06-${day}-story-${i}.md`] = post(
      `title: Story ${i % 40}\ntags: [t${i % 9}, shared]\nauthor: Writer ${i % 6}`,
      `Paragraph ${i}. ${'Words of the story. '.repeat(40)}`,
    );
  }
  return files;
}

/** What an interrupted import must leave exactly as an uninterrupted one does. */
const articleState = (url: string) =>
  queryRows(
    url,
    `SELECT a."importKey", a.slug, a.title, a."contentHash", a.version, a.status::text,
            (SELECT string_agg(au.slug, ',' ORDER BY aa.position) FROM "ArticleAuthor" aa
               JOIN "Author" au ON au.id = aa."authorId" WHERE aa."articleId" = a.id) AS authors,
            (SELECT string_agg(t.kind || ':' || t.slug, ',' ORDER BY t.kind, t.slug) FROM "ArticleTag" at
               JOIN "Tag" t ON t.id = at."tagId" WHERE at."articleId" = a.id) AS tags
       FROM "Article" a ORDER BY a."importKey"`,
  );

async function totalCountOn(api: ApiProcess): Promise<{ total: number; cache: string | null }> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: COUNT }),
  });
  const body = (await res.json()) as { data: { articles: { totalCount: number } } };
  return { total: body.data.articles.totalCount, cache: res.headers.get('x-cache') };
}

describe('API replicas and workers that share only PostgreSQL', () => {
  const children: ChildProcess[] = [];
  const apis: ApiProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) await stopProcess(child, 'SIGKILL');
    for (const api of apis.splice(0)) await api.stop();
  });

  it('imports an upload to API A on a worker, survives the worker being killed, and API B follows within a second', async () => {
    const files = postsOf(1200);
    const databaseUrl = await createTestDatabase();
    const token = await insertToken(databaseUrl, 'ADMIN');
    const [dirA, dirB, firstWorkerDir, secondWorkerDir] = await Promise.all([
      newDataDir(),
      newDataDir(),
      newDataDir(),
      newDataDir(),
    ]);
    const a = await startApiProcess(databaseUrl, {
      IMPORT_WORKER: 'false',
      DATA_DIR: dirA,
      ...SHORT_EXPIRY,
      ...CACHED,
    });
    apis.push(a);
    const b = await startApiProcess(databaseUrl, {
      IMPORT_WORKER: 'false',
      DATA_DIR: dirB,
      ...SHORT_EXPIRY,
      ...CACHED,
    });
    apis.push(b);

    // B keeps its answer: nothing but PostgreSQL can tell it that the import changed it.
    expect(await totalCountOn(b)).toEqual({ total: 0, cache: 'MISS' });
    expect(await totalCountOn(b)).toEqual({ total: 0, cache: 'HIT' });

    const jobId = await uploadArchive(a, token, await tarOf(files));
    expect(await filesUnder(dirA)).toEqual([]); // the upload waits in PostgreSQL, not on A's disk

    const first = startWorkerProcess(databaseUrl, firstWorkerDir);
    children.push(first);
    const seen = await importJobStarted(databaseUrl, jobId, 120_000);
    await stopProcess(first, 'SIGKILL');
    const atKill = await importJobRow(databaseUrl, jobId);
    expect(seen.processed).toBeLessThan(Object.keys(files).length);
    expect(ENDED_STATUSES).not.toContain(atKill.status);

    children.push(startWorkerProcess(databaseUrl, secondWorkerDir));
    const done = await importJobEnded(databaseUrl, jobId, 180_000);
    const finishedAt = Date.now();
    let answer = await totalCountOn(b);
    while (answer.total !== Object.keys(files).length && Date.now() - finishedAt < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      answer = await totalCountOn(b);
    }
    expect(answer.total).toBe(Object.keys(files).length);
    expect(Date.now() - finishedAt).toBeLessThan(AGREEMENT_MS);

    const count = Object.keys(files).length;
    expect(done).toMatchObject({ status: 'SUCCEEDED', total: count, created: count, failed: 0 });
    expect(await queryRows(databaseUrl, `SELECT count(*)::int AS n FROM "ImportItem"`)).toEqual([{ n: count }]);
    const staged = await queryRows(
      databaseUrl,
      `SELECT (SELECT count(*)::int FROM "ImportUpload") AS uploads,
              (SELECT count(*)::int FROM "ImportStagedFile") AS "stagedFiles"`,
    );
    expect(staged).toEqual([{ uploads: 0, stagedFiles: 0 }]);
    for (const dir of [dirA, dirB, secondWorkerDir]) expect(await filesUnder(dir)).toEqual([]);

    // The same files imported in one go, elsewhere, give the same rows.
    const reference = await createTestApp();
    try {
      await importPaths(reference, [await tempFolder(files)]);
      const referenceUrl = reference.get<DatabaseOptions>(DATABASE_OPTIONS).url;
      expect(await articleState(databaseUrl)).toEqual(await articleState(referenceUrl));
    } finally {
      await reference.close();
    }
  }, 420_000);
});
