import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import request from 'supertest';
import { createTestApp } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { NO_STAGED_ROWS, stagedRows } from '../support/staging.js';
import { post } from '../support/temp-folder.js';
import { waitFor } from '../support/wait-for.js';

describe('an upload the server cannot store', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp();
    // Uploads are stored in PostgreSQL (issue 13): every chunk write fails as a server with
    // an internal fault would, while the rest of the database works.
    const prisma = app.get(PrismaService);
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_upload_chunks() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'chunk store broken' USING ERRCODE = 'XX000'; END $$`);
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER refuse BEFORE INSERT ON "ImportUploadChunk" FOR EACH ROW EXECUTE FUNCTION refuse_upload_chunks()`);
  });
  afterAll(async () => {
    await app.close();
  });

  it('is refused with an error answer, leaves nothing stored, and the server goes on answering', async () => {
    const admin = await createToken(app, 'ADMIN');
    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', Buffer.from(post('title: One')), 'one.md');

    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.text).not.toContain('chunk store broken');
    const prisma = app.get(PrismaService);
    expect(
      await waitFor(async () => {
        const rows = await stagedRows(prisma);
        return rows.uploads ? undefined : rows;
      }),
    ).toEqual(NO_STAGED_ROWS);
    expect(await prisma.importJob.count()).toBe(0);
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});
