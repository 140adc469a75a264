import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import request from 'supertest';
import { createTestApp } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { NO_STAGED_ROWS, stagedRows } from '../support/staging.js';
import { post } from '../support/temp-folder.js';
import { waitFor } from '../support/wait-for.js';

describe('an import step that fails every attempt', () => {
  let app: INestApplication;
  const previous = process.env.DATA_DIR;

  beforeAll(async () => {
    process.env.DATA_DIR = await mkdtemp(path.join(tmpdir(), 'pressroom-data-'));
    app = await createTestApp({ importWorker: true });
  });
  afterAll(async () => {
    await app.close();
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
  });

  it('ends its job FAILED after the last retry instead of leaving it running', async () => {
    const prisma = app.get(PrismaService);
    // Every write of an import's report fails as a server that cannot serve would (57P03),
    // while the queue's own tables still work: each batch attempt fails and is retried.
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_import_items() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'cannot serve now' USING ERRCODE = '57P03'; END $$`);
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER refuse BEFORE INSERT ON "ImportItem" FOR EACH ROW EXECUTE FUNCTION refuse_import_items()`);
    const admin = await createToken(app, 'ADMIN');
    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', Buffer.from(post('title: One')), 'one.md')
      .attach('files', Buffer.from(post('title: Two')), 'two.md')
      .expect(202);

    const job = await waitFor(
      async () => {
        const row = await prisma.importJob.findUniqueOrThrow({ where: { id: res.body.id } });
        return ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(row.status) ? row : undefined;
      },
      90_000,
      'the job to end',
    );
    expect(job.status).toBe('FAILED');
    expect(job.error).toBe('IMPORT_STEP_FAILED: the database was unavailable');
    expect(job.finishedAt).not.toBeNull();
    // The job's upload is discarded just after its final status commits (ImportService.giveUp).
    const left = await waitFor(
      async () => {
        const rows = await stagedRows(prisma);
        return Object.values(rows).every((n) => n === 0) ? rows : undefined;
      },
      10_000,
      "the job's upload to be discarded",
    );
    expect(left).toEqual(NO_STAGED_ROWS);
  }, 120_000);
});
