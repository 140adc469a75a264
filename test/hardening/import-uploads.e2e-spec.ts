import { mkdtemp } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { filesUnder, NO_STAGED_ROWS, stagedRows } from '../support/staging.js';
import { post } from '../support/temp-folder.js';
import { waitFor } from '../support/wait-for.js';

const MAX_UPLOAD_BYTES = 64 * 1024;

describe('POST /admin/imports leaves nothing behind when it refuses an upload', () => {
  let app: INestApplication;
  let admin: string;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pressroom-data-'));
    process.env.DATA_DIR = dataDir;
    process.env.IMPORT_MAX_UPLOAD_BYTES = String(MAX_UPLOAD_BYTES);
    app = await createTestApp();
    await new Promise<void>((resolve) => app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });
  beforeEach(async () => {
    await resetDb(app);
    admin = await createToken(app, 'ADMIN');
  });
  afterAll(async () => {
    await app.close();
    delete process.env.DATA_DIR;
    delete process.env.IMPORT_MAX_UPLOAD_BYTES;
  });

  const imports = () => request(app.getHttpServer()).post('/admin/imports').set('authorization', `Bearer ${admin}`);
  /** Stored uploads (and files under DATA_DIR) left once the server has finished with the request. */
  const leftovers = async () => {
    const rows = await waitFor(
      async () => {
        const staged = await stagedRows(app.get(PrismaService));
        return staged.uploads || staged.chunks ? undefined : staged;
      },
      5_000,
      'stored uploads to be deleted',
    );
    return { ...rows, files: await filesUnder(dataDir) };
  };
  const NOTHING_LEFT = { ...NO_STAGED_ROWS, files: [] };

  it('refuses two files of the same name with 400 DUPLICATE_FILE_NAME, creating no job', async () => {
    const res = await imports()
      .attach('files', Buffer.from(post('title: One')), 'post.md')
      .attach('files', Buffer.from(post('title: Two')), 'post.md');

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'files',
      reason: 'DUPLICATE_FILE_NAME',
      name: 'post.md',
    });
    expect(await app.get(PrismaService).importJob.count()).toBe(0);
    expect(await leftovers()).toEqual(NOTHING_LEFT);
  });

  it('deletes the stored upload after a 413', async () => {
    const res = await imports()
      .attach('files', Buffer.from(post('title: Small')), 'small.md')
      .attach('files', Buffer.alloc(MAX_UPLOAD_BYTES * 2, 'a'), 'big.md');

    expect(res.status).toBe(413);
    expect(await leftovers()).toEqual(NOTHING_LEFT);
  });

  it('deletes the stored upload after a refused field or failed validation', async () => {
    const wrongField = await imports()
      .attach('files', Buffer.from(post('title: A')), 'a.md')
      .attach('other', Buffer.from(post('title: B')), 'b.md');
    const badOption = await imports()
      .field('defaultStatus', 'BOGUS')
      .attach('files', Buffer.from(post('title: A')), 'a.md');

    expect(wrongField.status).toBe(400);
    expect(badOption.status).toBe(400);
    expect(await leftovers()).toEqual(NOTHING_LEFT);
  });

  it('deletes the stored upload when the client disconnects midway', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const boundary = 'pressroom-boundary';
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/admin/imports',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(1024 * 1024),
      },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.md"\r\n\r\n`);
    req.write(post('title: A', 'x'.repeat(20_000)));
    await waitFor(async () => ((await stagedRows(app.get(PrismaService))).uploads ? true : undefined));
    req.destroy();

    expect(await leftovers()).toEqual(NOTHING_LEFT);
    expect(await app.get(PrismaService).importJob.count()).toBe(0);
  });
});
