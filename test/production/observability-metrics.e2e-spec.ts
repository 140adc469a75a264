import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MetricsServer } from '../../apps/api/src/observability/metrics-server.js';
import { captureLog } from '../support/captured-log.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';

/** The value of one sample of the exposition text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return 0;
}

describe('/metrics on PORT', () => {
  let app: INestApplication;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp({ responseCacheMaxBytes: 1024 ** 2 });
  });
  beforeEach(async () => {
    await resetDb(app);
    admin = await createToken(app, 'ADMIN');
  });
  afterAll(() => app.close());

  const scrape = async () => {
    const res = await request(app.getHttpServer()).get('/metrics').set('authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    return res.text;
  };
  const graphql = (query: string, operationName?: string) =>
    request(app.getHttpServer()).post('/graphql').send({ query, operationName });

  it('refuses anonymous callers (401) and EDITOR tokens (403); answers ADMIN tokens in Prometheus text', async () => {
    const editor = await createToken(app, 'EDITOR');
    const anonymous = await request(app.getHttpServer()).get('/metrics');
    const asEditor = await request(app.getHttpServer()).get('/metrics').set('authorization', `Bearer ${editor}`);
    const asAdmin = await request(app.getHttpServer()).get('/metrics').set('authorization', `Bearer ${admin}`);

    expect(anonymous.status).toBe(401);
    expect(asEditor.status).toBe(403);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers['content-type']).toMatch(/^text\/plain/);
    expect(asAdmin.headers['x-cache']).toBeUndefined();
    expect(asAdmin.text).toContain('# TYPE pressroom_http_request_duration_seconds histogram');
    expect(asAdmin.text).toContain('process_cpu_user_seconds_total');
    expect(asAdmin.text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts requests by route, operations by name and type, and errors by code', async () => {
    const before = await scrape();
    // Two different queries: the response cache would answer a repeated one without Apollo.
    await graphql('query Obs1 { articles(first: 1) { totalCount } }', 'Obs1');
    await graphql('query Obs1 { articles(first: 2) { totalCount } }', 'Obs1');
    const bad = await graphql('query Obs2 { articles(first: 1000) { totalCount } }');
    await request(app.getHttpServer())
      .get(`/admin/imports/${crypto.randomUUID()}`)
      .set('authorization', `Bearer ${admin}`);
    const after = await scrape();

    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta('pressroom_graphql_operation_duration_seconds_count', { operation: 'Obs1', type: 'query' })).toBe(2);
    expect(delta('pressroom_graphql_operation_duration_seconds_count', { operation: 'Obs2', type: 'query' })).toBe(1);
    expect(delta('pressroom_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(
      delta('pressroom_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200' }),
    ).toBe(2);
    // A page over 100 is refused before execution: HTTP 400.
    expect(
      delta('pressroom_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '400' }),
    ).toBe(1);
    expect(
      delta('pressroom_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/admin/imports/:id',
        status: '404',
      }),
    ).toBe(1);
  });

  it('reports response cache hits and misses, and the database pools', async () => {
    await createArticle(app, { title: 'Cached' });
    const before = await scrape();
    const query = '{ articles(first: 1) { totalCount } }';
    const first = await graphql(query);
    const second = await graphql(query);
    const after = await scrape();

    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    const delta = (result: string) =>
      sample(after, 'pressroom_response_cache_requests_total', { result }) -
      sample(before, 'pressroom_response_cache_requests_total', { result });
    expect(delta('miss')).toBe(1);
    expect(delta('hit')).toBe(1);
    expect(sample(after, 'pressroom_response_cache_bytes')).toBeGreaterThan(0);
    // One pool for Prisma, plain SQL and the queue; no replica configured here.
    expect(sample(after, 'pressroom_db_pool_connections', { pool: 'primary', state: 'total' })).toBeGreaterThan(0);
    expect(after).not.toContain('pool="replica"');
  });

  it('reports import jobs by status and files by outcome after an import', async () => {
    const folder = await tempFolder({
      'one.md': post('title: One'),
      'two.md': post('title: Two'),
      'broken.md': '---\ntitle: [unclosed\n---\nBody',
    });
    const report = await importPaths(app, [folder]);
    const text = await scrape();

    expect(report.status).toBe('partial');
    expect(sample(text, 'pressroom_import_jobs', { status: 'PARTIAL' })).toBe(1);
    expect(sample(text, 'pressroom_import_jobs', { status: 'SUCCEEDED' })).toBe(0);
    expect(sample(text, 'pressroom_import_files', { outcome: 'created' })).toBe(2);
    expect(sample(text, 'pressroom_import_files', { outcome: 'failed' })).toBe(1);
  });
});

describe('/metrics on METRICS_PORT', () => {
  let app: INestApplication;
  beforeAll(async () => {
    process.env.METRICS_PORT = '0';
    app = await createTestApp();
  });
  afterAll(async () => {
    delete process.env.METRICS_PORT;
    await app.close();
  });

  it('answers without auth on its own port (127.0.0.1), and not on PORT', async () => {
    const admin = await createToken(app, 'ADMIN');
    const port = app.get(MetricsServer).port;
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    const onMain = await request(app.getHttpServer()).get('/metrics').set('authorization', `Bearer ${admin}`);
    const other = await fetch(`http://127.0.0.1:${port}/graphql`);

    expect(res.status).toBe(200);
    expect(await res.text()).toContain('pressroom_http_request_duration_seconds');
    expect(onMain.status).toBe(404);
    expect(other.status).toBe(404);
  });
});

describe('import job logs', () => {
  it('logs the start and the end of an import with its counts', async () => {
    const captured = captureLog();
    const app = await createTestApp({ log: captured.log });
    try {
      const folder = await tempFolder({ 'one.md': post('title: One'), 'two.md': post('title: Two') });
      const report = await importPaths(app, [folder]);

      const lines = captured.lines.filter((l) => l.context === 'ImportService' && l.jobId === report.id);
      expect(lines[0]).toMatchObject({ level: 30, total: 2 });
      expect(lines[0]!.msg).toMatch(/started: 2 files/);
      expect(lines.at(-1)).toMatchObject({
        status: 'SUCCEEDED',
        counts: { created: 2, updated: 0, unchanged: 0, failed: 0, skipped: 0 },
      });
    } finally {
      await app.close();
    }
  });
});
