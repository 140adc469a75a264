import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { post, tempFolder } from '../support/temp-folder.js';

describe('an upload the server cannot store', () => {
  let app: INestApplication;
  const previous = process.env.DATA_DIR;

  beforeAll(async () => {
    // DATA_DIR below a plain file: creating the upload folder fails (ENOTDIR), even as root.
    const blocker = path.join(await tempFolder(), 'a-file');
    await writeFile(blocker, 'not a folder');
    process.env.DATA_DIR = path.join(blocker, 'data');
    app = await createTestApp();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
    await app.close();
  });

  it('is refused with an error answer, and the server goes on answering', async () => {
    const admin = await createToken(app, 'ADMIN');
    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', Buffer.from(post('title: One')), 'one.md');

    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.text).not.toContain('ENOTDIR');
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});
