import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DATABASE_OPTIONS, type DatabaseOptions, PrismaService } from '@pressroom/database';
import { ImportService } from '@pressroom/importer';
import request from 'supertest';
import { tarOf } from '../support/archives.js';
import { createTestApp } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';
import { waitFor } from '../support/wait-for.js';

const CLI = path.resolve(process.cwd(), 'apps/cli/dist/main.js');

function postsOf(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    files[`_posts/2024-03-${day}-post-${i}.md`] = post(
      `title: Post ${i}\ntags: [t${i % 7}, shared]\nauthor: Writer ${i % 5}`,
      `Paragraph ${i}.\n\nMore text for post ${i}.`,
    );
  }
  return files;
}

/** What must be equal between an interrupted and an uninterrupted import. */
async function articleState(app: INestApplication) {
  const rows = await app.get(PrismaService).article.findMany({
    orderBy: { importKey: 'asc' },
    select: {
      importKey: true,
      slug: true,
      title: true,
      contentHash: true,
      version: true,
      authors: { select: { author: { select: { slug: true } } } },
      tags: { select: { tag: { select: { slug: true, kind: true } } } },
    },
  });
  return rows.map((r) => ({
    ...r,
    authors: r.authors.map((a) => a.author.slug),
    tags: r.tags.map((t) => `${t.tag.kind}:${t.tag.slug}`).sort(),
  }));
}

describe('import jobs under failure and concurrency', () => {
  const files = postsOf(3000);
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pressroom-data-'));
    process.env.DATA_DIR = dataDir;
    // A killed worker's messages come back when they expire: a new worker does not send its
    // job again while they are live (issue 13).
    process.env.IMPORT_EXPIRE_SECONDS = '10';
  });
  afterAll(() => {
    delete process.env.DATA_DIR;
    delete process.env.IMPORT_EXPIRE_SECONDS;
  });

  it('resumes a job whose worker was killed and ends with the same rows as an uninterrupted import', async () => {
    const app = await createTestApp();
    const reference = await createTestApp();
    let worker: ChildProcess | undefined;
    try {
      const admin = await createToken(app, 'ADMIN');
      const res = await request(app.getHttpServer())
        .post('/admin/imports')
        .set('authorization', `Bearer ${admin}`)
        .attach('files', await tarOf(files), 'site.tar');
      const jobId: string = res.body.id;
      const prisma = app.get(PrismaService);
      const { url } = app.get<DatabaseOptions>(DATABASE_OPTIONS);

      worker = spawn(process.execPath, [CLI, 'worker'], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          DATA_DIR: await mkdtemp(path.join(tmpdir(), 'pressroom-worker-')), // not the app's: another machine
          IMPORT_THREADS: '1',
          IMPORT_BATCH_CONCURRENCY: '1',
        },
        stdio: 'ignore',
      });
      const seen = await waitFor(
        async () => {
          const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
          return job.processed > 0 ? job : undefined;
        },
        60_000,
        'the worker to write a first batch',
      );
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker!.once('exit', resolve));
      expect(seen.processed).toBeLessThan(Object.keys(files).length); // killed mid-job, not after it

      await app.get(ImportService).startWorker(); // a new worker takes the interrupted job's messages
      const done = await waitFor(
        async () => {
          const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
          return job.status === 'SUCCEEDED' || job.status === 'FAILED' || job.status === 'PARTIAL' ? job : undefined;
        },
        120_000,
        'the resumed job to finish',
      );

      const folder = await tempFolder(files);
      await importPaths(reference, [folder]);
      expect(done).toMatchObject({
        status: 'SUCCEEDED',
        total: Object.keys(files).length,
        created: Object.keys(files).length,
        failed: 0,
      });
      expect(await prisma.importItem.count({ where: { jobId } })).toBe(Object.keys(files).length);
      expect(await articleState(app)).toEqual(await articleState(reference));
    } finally {
      worker?.kill('SIGKILL');
      await app.close();
      await reference.close();
    }
  }, 240_000);

  it('lets two concurrent imports of one folder finish with each article once and no failure', async () => {
    const app = await createTestApp();
    try {
      const some = Object.fromEntries(Object.entries(files).slice(0, 800));
      const folder = await tempFolder(some);

      const [a, b] = await Promise.all([importPaths(app, [folder]), importPaths(app, [folder])]);

      expect(a.counts.failed + b.counts.failed).toBe(0);
      expect(a.counts.created + b.counts.created).toBe(800);
      expect(a.counts.created + a.counts.unchanged).toBe(800);
      expect(b.counts.created + b.counts.unchanged).toBe(800);
      const prisma = app.get(PrismaService);
      expect(await prisma.article.count()).toBe(800);
      // Each article written once: version 1, which is the row (no revision).
      expect(await prisma.article.count({ where: { version: 1, versionAction: 'import' } })).toBe(800);
      expect(await prisma.articleRevision.count()).toBe(0);
      expect(await prisma.tag.count()).toBe(8);
    } finally {
      await app.close();
    }
  }, 120_000);
});
