import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';

const READ = '{ articles(first: 1) { totalCount } }';
const CREATE = 'mutation { createArticle(input: { title: "During the outage" }) { id } }';

describe('a database outage', () => {
  let proxy: TcpProxy;
  let app: INestApplication;
  let editor: string;
  let admin: string;
  let server: URL;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    server = new URL(databaseUrl);
    proxy = await TcpProxy.start(server.hostname, Number(server.port || 5432));
    app = await createTestApp({ databaseUrl: proxy.route(databaseUrl) });
    editor = await createToken(app, 'EDITOR');
    admin = await createToken(app, 'ADMIN');
  });
  afterEach(() => proxy.restore());
  afterAll(async () => {
    await app.close();
    await proxy.close();
  });

  const graphql = (query: string, token?: string) => {
    const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send({ query });
  };

  /** The answer says SERVICE_UNAVAILABLE, and nothing about the database's error or address. */
  function expectUnavailable(res: request.Response): void {
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    const code = res.body.errors?.[0]?.extensions?.code ?? res.body.code;
    expect(code).toBe('SERVICE_UNAVAILABLE');
    const text = res.text;
    for (const detail of [String(proxy.port), server.port || '5432', '127.0.0.1', server.hostname, 'ECONN'])
      expect(text).not.toContain(detail);
    expect(text).not.toMatch(/terminat|postgres|prisma|connect|socket|timeout/i);
  }

  it('answers SERVICE_UNAVAILABLE (503) with no detail on every path, then recovers without a restart', async () => {
    expect((await graphql(READ)).status).toBe(200);

    proxy.cut('reset');
    expectUnavailable(await graphql(READ));
    expectUnavailable(await graphql(READ, editor));
    expectUnavailable(await graphql(CREATE, editor));
    expectUnavailable(await request(app.getHttpServer()).get('/admin/imports').set('authorization', `Bearer ${admin}`));
    expectUnavailable(await request(app.getHttpServer()).get('/health/ready'));

    proxy.restore();
    await waitFor(async () => ((await graphql(READ)).status === 200 ? true : undefined), 30_000, 'recovery');
    const created = await graphql(CREATE, editor);
    expect(created.body.errors).toBeUndefined();
    expect((await graphql(READ, editor)).body.data.articles.totalCount).toBe(1);
    await request(app.getHttpServer()).get('/admin/imports').set('authorization', `Bearer ${admin}`).expect(200);
    await request(app.getHttpServer()).get('/health/ready').expect(200);
  });

  it('answers /health/ready within its bound when the database stops answering', async () => {
    proxy.cut('silent');
    // The pool's own connect timeout is 10 s; the probe gives up after 2 s.
    const res = await request(app.getHttpServer()).get('/health/ready').timeout(7_000);
    expectUnavailable(res);
  });
});
