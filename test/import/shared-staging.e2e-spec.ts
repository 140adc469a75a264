import type { ChildProcess } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { ImportService } from '@pressroom/importer';
import request from 'supertest';
import { insertToken, startApiProcess, uploadArchive, type ApiProcess } from '../support/api-process.js';
import { tarOf } from '../support/archives.js';
import { createTestApp } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { filesUnder } from '../support/staging.js';
import { post } from '../support/temp-folder.js';
import { createTestDatabase } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';
import {
  importJobEnded,
  importJobStarted,
  newDataDir,
  queryRows,
  SHORT_EXPIRY,
  startWorkerProcess,
  stopProcess,
} from '../support/worker-process.js';

/** `count` posts with bodies long enough that the archive spans several 1 MiB chunk rows. */
function postsOf(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`site/_posts/2024-05-${String((i % 28) + 1).padStart(2, '0')}-post-${i}.md`] = post(
      `title: Post ${i}\ntags: [t${i % 5}]`,
      `Paragraph ${i}. ${'Some words of text. '.repeat(150)}`,
    );
  }
  return files;
}

const stagedCounts = async (url: string) =>
  (
    await queryRows<{ uploads: number; chunks: number; stagedFiles: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM "ImportUpload") AS uploads,
              (SELECT count(*)::int FROM "ImportUploadChunk") AS chunks,
              (SELECT count(*)::int FROM "ImportStagedFile") AS "stagedFiles"`,
    )
  )[0]!;

describe('uploads and staged files live in PostgreSQL, not on one process disk', () => {
  const files = postsOf(700);
  let archive: Buffer;
  let databaseUrl: string;
  let api: ApiProcess | undefined;
  let token: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    archive = await tarOf(files);
    databaseUrl = await createTestDatabase();
    token = await insertToken(databaseUrl, 'ADMIN');
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await stopProcess(worker, 'SIGKILL');
    await api?.stop();
    api = undefined;
    await queryRows(databaseUrl, `TRUNCATE "ImportJob", "Article" CASCADE`);
  });

  it('imports an archive uploaded to an API process with a worker process of another DATA_DIR, leaving nothing behind', async () => {
    const [apiDir, workerDir] = [await newDataDir(), await newDataDir()];
    api = await startApiProcess(databaseUrl, { IMPORT_WORKER: 'false', DATA_DIR: apiDir, ...SHORT_EXPIRY });
    expect(archive.length).toBeGreaterThan(2 * 1024 * 1024);

    const jobId = await uploadArchive(api, token, archive);
    expect((await stagedCounts(databaseUrl)).chunks).toBeGreaterThanOrEqual(3);
    expect(await filesUnder(apiDir)).toEqual([]);
    workers.push(startWorkerProcess(databaseUrl, workerDir));
    const job = await importJobEnded(databaseUrl, jobId, 120_000);

    const count = Object.keys(files).length;
    expect(job).toMatchObject({ status: 'SUCCEEDED', total: count, created: count, failed: 0 });
    expect(await queryRows(databaseUrl, `SELECT count(*)::int AS n FROM "Article"`)).toEqual([{ n: count }]);
    expect(await stagedCounts(databaseUrl)).toEqual({ uploads: 0, chunks: 0, stagedFiles: 0 });
    expect(await filesUnder(apiDir)).toEqual([]);
    expect(await filesUnder(workerDir)).toEqual([]);
  }, 180_000);

  it('finishes a job whose worker was killed mid-job with another worker of another DATA_DIR, with every row once', async () => {
    const [apiDir, firstDir, secondDir] = [await newDataDir(), await newDataDir(), await newDataDir()];
    api = await startApiProcess(databaseUrl, { IMPORT_WORKER: 'false', DATA_DIR: apiDir, ...SHORT_EXPIRY });
    const jobId = await uploadArchive(api, token, archive);
    const first = startWorkerProcess(databaseUrl, firstDir);
    workers.push(first);
    const seen = await importJobStarted(databaseUrl, jobId, 120_000);
    await stopProcess(first, 'SIGKILL');
    expect(seen.processed).toBeLessThan(Object.keys(files).length);

    workers.push(startWorkerProcess(databaseUrl, secondDir));
    const job = await importJobEnded(databaseUrl, jobId, 150_000);

    const count = Object.keys(files).length;
    expect(job).toMatchObject({ status: 'SUCCEEDED', total: count, created: count, failed: 0 });
    const [articles] = await queryRows<{ n: number; keys: number; versions: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n, count(DISTINCT "importKey")::int AS keys, max(version)::int AS versions FROM "Article"`,
    );
    expect(articles).toEqual({ n: count, keys: count, versions: 1 });
    expect(await queryRows(databaseUrl, `SELECT count(*)::int AS n FROM "ImportItem"`)).toEqual([{ n: count }]);
    expect(await stagedCounts(databaseUrl)).toEqual({ uploads: 0, chunks: 0, stagedFiles: 0 });
    expect(await filesUnder(secondDir)).toEqual([]);

    // The killed worker's private folder is removed by the next worker started on its DATA_DIR.
    const restarted = startWorkerProcess(databaseUrl, firstDir);
    workers.push(restarted);
    await waitFor(async () => ((await filesUnder(firstDir)).length ? undefined : true), 60_000, 'the sweep');
  }, 300_000);
});

describe('an uploaded part', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('is stored in 1 MiB rows, the last one holding the rest, and imported with every byte', async () => {
    const prisma = app.get(PrismaService);
    const admin = await createToken(app, 'ADMIN');
    const header = '---\ntitle: Long\n---\n';
    const size = 2 * 1024 * 1024 + 1; // one byte over two chunks
    const body = 'x'.repeat(size - Buffer.byteLength(header));
    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', Buffer.from(header + body), 'long.md')
      .expect(202);

    const chunks = await prisma.$queryRawUnsafe<{ seq: number; size: number }[]>(
      `SELECT seq, octet_length(bytes) AS size FROM "ImportUploadChunk" ORDER BY seq`,
    );
    expect(chunks).toEqual([
      { seq: 0, size: 1024 * 1024 },
      { seq: 1, size: 1024 * 1024 },
      { seq: 2, size: 1 },
    ]);
    await app.get(ImportService).startWorker();
    await waitFor(async () => {
      const job = await prisma.importJob.findUniqueOrThrow({ where: { id: res.body.id as string } });
      return job.status === 'SUCCEEDED' ? job : undefined;
    });
    const article = await prisma.article.findFirstOrThrow({ select: { body: true } });
    expect(article.body.trim()).toBe(body);
  }, 60_000);
});

describe('a worker that starts', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('sends again only the unfinished jobs that no queue message carries', async () => {
    const prisma = app.get(PrismaService);
    const admin = await createToken(app, 'ADMIN');
    const upload = async (name: string) =>
      (
        await request(app.getHttpServer())
          .post('/admin/imports')
          .set('authorization', `Bearer ${admin}`)
          .attach('files', Buffer.from(post(`title: ${name}`)), `${name}.md`)
          .expect(202)
      ).body.id as string;
    const waiting = await upload('waiting');
    const lost = await upload('lost');
    await prisma.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE data->>'jobId' = $1`, lost);

    await app.get(ImportService).startWorker();
    for (const id of [waiting, lost]) {
      await waitFor(async () => {
        const job = await prisma.importJob.findUniqueOrThrow({ where: { id } });
        return job.status === 'SUCCEEDED' ? job : undefined;
      });
    }

    const messages = await prisma.$queryRawUnsafe<{ id: string; n: number }[]>(
      `SELECT data->>'jobId' AS id, count(*)::int AS n FROM pgboss.job WHERE name = 'import-job' GROUP BY 1`,
    );
    expect(Object.fromEntries(messages.map((m) => [m.id, m.n]))).toEqual({ [waiting]: 1, [lost]: 1 });
  }, 60_000);
});
