import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { ImportService } from '@pressroom/importer';
import request from 'supertest';
import { overlappingZip } from '../../libs/importer/src/testing/archives.js';
import { tarGzOf, tarOf, zipOf } from '../support/archives.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { filesUnder, NO_STAGED_ROWS, stagedRows } from '../support/staging.js';
import { post } from '../support/temp-folder.js';
import { waitFor } from '../support/wait-for.js';

const FINISHED = ['succeeded', 'partial', 'failed'];
const posts = (count: number, prefix = 'p') =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${i}.md`, post(`title: ${prefix}${i}`, 'x'.repeat(3000))]),
  );

describe('hostile archives fail their import job with the reason', () => {
  let app: INestApplication;
  let admin: string;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pressroom-data-'));
    process.env.DATA_DIR = dataDir;
    app = await createTestApp({ importWorker: true });
  });
  beforeEach(async () => {
    await resetDb(app);
    admin = await createToken(app, 'ADMIN');
  });
  afterAll(async () => {
    await app.close();
    delete process.env.DATA_DIR;
  });

  async function upload(...files: [string, Buffer][]) {
    let req = request(app.getHttpServer()).post('/admin/imports').set('authorization', `Bearer ${admin}`);
    for (const [name, bytes] of files) req = req.attach('files', bytes, name);
    const res = await req;
    expect(res.status).toBe(202);
    const id = res.body.id as string;
    const report = await waitFor(
      async () => {
        const r = await request(app.getHttpServer())
          .get(`/admin/imports/${id}`)
          .set('authorization', `Bearer ${admin}`);
        return FINISHED.includes(r.body.status) ? r.body : undefined;
      },
      30_000,
      `import ${id}`,
    );
    return { id, report };
  }

  it.each([
    [
      'a truncated .tar.gz',
      'cut.tar.gz',
      async () => {
        const bytes = await tarGzOf(posts(20));
        return bytes.subarray(0, bytes.length >> 1);
      },
      'BAD_ARCHIVE',
    ],
    ['a truncated .tar', 'cut.tar', async () => (await tarOf(posts(5))).subarray(0, 5000), 'BAD_ARCHIVE'],
    [
      'a corrupt gzip',
      'corrupt.tar.gz',
      async () => {
        const bytes = Buffer.from(await tarGzOf(posts(20)));
        return bytes.fill(0x55, 40, 120);
      },
      'BAD_ARCHIVE',
    ],
    [
      'duplicate entry names',
      'twice.tar',
      () =>
        tarOf([
          ['a.md', post('title: A')],
          ['a.md', post('title: A again')],
        ]),
      'DUPLICATE_ENTRY',
    ],
    [
      'a name that is a file and a folder',
      'clash.tar',
      () =>
        tarOf([
          ['a.md', post('title: A')],
          ['a.md/b.md', post('title: B')],
        ]),
      'PATH_CLASH',
    ],
    [
      'overlapping zip entries',
      'overlap.zip',
      async () =>
        overlappingZip(
          Buffer.from(post('title: Bomb', 'a'.repeat(900_000))),
          Array.from({ length: 40 }, (_, i) => Buffer.from(`p${i}.md`)),
        ),
      'OVERLAPPING_ENTRIES',
    ],
  ])('%s: failed with %s, staged files removed, nothing left queued', async (_what, name, bytes, code) => {
    const { id, report } = await upload([name, await bytes()]);

    expect(report).toMatchObject({ status: 'failed', error: expect.stringContaining(code) });
    expect(report.error).toContain(name);
    const { data } = await gql(app, 'query($id: ID!) { importJob(id: $id) { status error } }', { id }, admin);
    expect(data!.importJob).toEqual({ status: 'failed', error: report.error });
    expect(await stagedRows(app.get(PrismaService))).toEqual(NO_STAGED_ROWS);
    // A retry would find the job failed and stage nothing; a restart re-queues only live jobs.
    await app.get(ImportService).runJob({ jobId: id });
    expect(await stagedRows(app.get(PrismaService))).toEqual(NO_STAGED_ROWS);
    expect(await filesUnder(dataDir)).toEqual([]);
  });

  it('still imports several archives of one upload side by side (one budget, one folder each)', async () => {
    const archive = (prefix: string) => zipOf(posts(3, prefix));
    const ok = await upload(['a.zip', await archive('a')], ['b.zip', await archive('b')]);
    expect(ok.report).toMatchObject({ status: 'succeeded', counts: { created: 6 } });
  });
});
