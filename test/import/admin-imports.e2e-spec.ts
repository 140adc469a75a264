import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import request from 'supertest';
import { zipOf } from '../support/archives.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { post } from '../support/temp-folder.js';
import { waitFor } from '../support/wait-for.js';

const FINISHED = ['succeeded', 'partial', 'failed'];

describe('POST /admin/imports', () => {
  let app: INestApplication;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp({ importWorker: true });
  });
  beforeEach(async () => {
    await resetDb(app);
    admin = await createToken(app, 'ADMIN');
  });
  afterAll(() => app.close());

  const report = (id: string) =>
    request(app.getHttpServer()).get(`/admin/imports/${id}`).set('authorization', `Bearer ${admin}`);
  const finished = (id: string) =>
    waitFor(
      async () => {
        const res = await report(id);
        return FINISHED.includes(res.body.status) ? res.body : undefined;
      },
      30_000,
      `import ${id}`,
    );

  it('refuses a missing token with 401 and an EDITOR token with 403, before reading the upload', async () => {
    const editor = await createToken(app, 'EDITOR');
    const anonymous = await request(app.getHttpServer())
      .post('/admin/imports')
      .attach('files', Buffer.from(post('title: x')), 'x.md');
    const asEditor = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${editor}`)
      .attach('files', Buffer.from(post('title: x')), 'x.md');
    const badToken = await request(app.getHttpServer()).get('/admin/imports').set('authorization', 'Bearer nope');

    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect(asEditor.status).toBe(403);
    expect(asEditor.body.code).toBe('FORBIDDEN');
    expect(badToken.status).toBe(401);
    expect(await app.get(PrismaService).importJob.count()).toBe(0);
  });

  it('answers 202 at once, then reports counts and each failed file with its line', async () => {
    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', Buffer.from(post('title: One\ntags: [harbour]')), 'one.md')
      .attach('files', Buffer.from(post('title: Two')), 'two.md')
      .attach('files', Buffer.from('---\ntitle: [broken\n---\n'), 'broken.md');

    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    const done = await finished(res.body.id);
    expect(done.status).toBe('partial');
    expect(done.counts).toEqual({ total: 3, created: 2, updated: 0, unchanged: 0, failed: 1, skipped: 0 });
    expect(done.progress).toEqual({ processed: 3, total: 3 });
    expect(done.errors).toEqual([
      { path: 'broken.md', line: expect.any(Number), message: expect.stringContaining('INVALID_YAML') },
    ]);
  });

  it('imports one uploaded zip archive, and the same archive again changes nothing', async () => {
    const zip = await zipOf({
      '_posts/2024-05-01-a.md': post('title: A'),
      '_posts/2024-05-02-b.md': post('title: B'),
      'logo.png': 'png',
    });
    const upload = () =>
      request(app.getHttpServer())
        .post('/admin/imports')
        .set('authorization', `Bearer ${admin}`)
        .attach('files', zip, 'site.zip');

    const first = await finished((await upload()).body.id);
    const second = await finished((await upload()).body.id);

    expect(first.counts).toMatchObject({ total: 2, created: 2, failed: 0 });
    expect(second.counts).toMatchObject({ total: 2, unchanged: 2, created: 0 });
    expect(second.status).toBe('succeeded');
  });

  it('fails a job whose archive is a compression bomb, importing nothing from it', async () => {
    const bomb = await zipOf({ 'bomb.md': `---\ntitle: boom\n---\n${'a'.repeat(15 * 1024 * 1024)}` });

    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', bomb, 'bomb.zip');
    const done = await finished(res.body.id);

    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/COMPRESSION_BOMB|TOO_LARGE|larger than/);
    expect(await app.get(PrismaService).article.count()).toBe(0);
  });

  it('rejects a request without files with BAD_USER_INPUT naming the field', async () => {
    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .field('dryRun', 'true');

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });
  });

  it('gives admins the same report through GraphQL importJob and importJobs, and nobody else', async () => {
    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', Buffer.from(post('title: Q')), 'q.md');
    await finished(res.body.id);
    const editor = await createToken(app, 'EDITOR');
    const QUERY =
      'query($id: ID!) { importJob(id: $id) { id status counts { total created } errors { path } } importJobs(first: 5) { totalCount edges { node { id } } } }';

    const asAdmin = await gql(app, QUERY, { id: res.body.id }, admin);
    const asEditor = await gql(app, QUERY, { id: res.body.id }, editor);
    const anonymous = await gql(app, QUERY, { id: res.body.id });

    expect(asAdmin.data!.importJob).toEqual({
      id: res.body.id,
      status: 'succeeded',
      counts: { total: 1, created: 1 },
      errors: [],
    });
    expect(asAdmin.data!.importJobs.totalCount).toBe(1);
    expect(asEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('streams every article as front-matter files in a .tar.gz from GET /admin/exports', async () => {
    const res = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', Buffer.from(post('title: Exported\ndate: 2024-02-03')), 'e.md');
    await finished(res.body.id);

    const exported = await request(app.getHttpServer())
      .get('/admin/exports')
      .set('authorization', `Bearer ${admin}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });

    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('application/gzip');
    const { gunzipSync } = await import('node:zlib');
    const tarText = gunzipSync(exported.body as Buffer).toString('utf8');
    expect(tarText).toContain('_posts/2024-02-03-e.md');
    expect(tarText).toContain('title: Exported');
  });
});
