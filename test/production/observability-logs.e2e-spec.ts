import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { captureLog, type CapturedLog, type LogLine } from '../support/captured-log.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';
import { waitFor } from '../support/wait-for.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ARTICLES = 'query FrontPage { articles(first: 2) { totalCount edges { node { title } } } }';

describe('logs', () => {
  let app: INestApplication;
  let captured: CapturedLog;
  beforeAll(async () => {
    captured = captureLog();
    app = await createTestApp({ log: captured.log });
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  /** The line for the request that was answered with this X-Request-Id. */
  const requestLine = (reqId: string) =>
    waitFor(async () => captured.lines.find((l) => l.reqId === reqId && l.msg === 'request completed'), 5000, reqId);

  const graphql = (body: object, headers: Record<string, string> = {}) =>
    request(app.getHttpServer()).post('/graphql?debug=1&key=hunter2').set(headers).send(body);

  it('writes one JSON line per request: method, path without its query string, status, duration, operation, id', async () => {
    await createArticle(app, { title: 'Harbour' });
    const res = await graphql({ query: ARTICLES, operationName: 'FrontPage' });

    const id = res.headers['x-request-id']!;
    expect(id).toMatch(UUID);
    const line = await requestLine(id);
    expect(line).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'FrontPage',
      operationType: 'query',
    });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.time).toBe('string');
    expect(captured.text()).not.toContain('hunter2');
    expect(captured.lines.filter((l) => l.reqId === id && l.msg === 'request completed')).toHaveLength(1);
  });

  it('keeps a sane X-Request-Id, echoes it, and replaces one too long or with unsafe characters', async () => {
    const sane = await request(app.getHttpServer()).get('/health/live').set('x-request-id', 'edge-7f3a:42');
    const long = await request(app.getHttpServer()).get('/health/live').set('x-request-id', 'a'.repeat(101));
    const unsafe = await request(app.getHttpServer()).get('/health/live').set('x-request-id', '"><script>');

    expect(sane.headers['x-request-id']).toBe('edge-7f3a:42');
    expect((await requestLine('edge-7f3a:42')).path).toBe('/health/live');
    expect(long.headers['x-request-id']).toMatch(UUID);
    expect(unsafe.headers['x-request-id']).toMatch(UUID);
    await requestLine(unsafe.headers['x-request-id']!);
    expect(captured.text()).not.toContain('<script>');
    expect(captured.text()).not.toContain('a'.repeat(101));
  });

  it("names the request's token, for GraphQL and REST, and never logs its secret or the headers", async () => {
    const editor = await createToken(app, 'EDITOR', 'newsdesk-bot');
    const admin = await createToken(app, 'ADMIN', 'ops-admin');
    const asEditor = await graphql({ query: ARTICLES }, { authorization: `Bearer ${editor}`, cookie: 'sid=s3cret' });
    const asAdmin = await request(app.getHttpServer()).get('/admin/imports').set('authorization', `Bearer ${admin}`);
    const anonymous = await graphql({ query: ARTICLES });

    expect((await requestLine(asEditor.headers['x-request-id']!)).token).toBe('newsdesk-bot');
    expect(await requestLine(asAdmin.headers['x-request-id']!)).toMatchObject({
      token: 'ops-admin',
      path: '/admin/imports',
      status: 200,
    });
    expect((await requestLine(anonymous.headers['x-request-id']!)).token).toBeUndefined();
    const text = captured.text();
    for (const secret of [editor, admin, 'Bearer', 's3cret']) expect(text).not.toContain(secret);
    expect(text.toLowerCase()).not.toContain('authorization');
  });

  it('logs GraphQL errors with their code: bad input at debug with the request id, its code in the request line', async () => {
    const res = await graphql({ query: '{ articles(first: 1000) { totalCount } }' });

    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const id = res.headers['x-request-id']!;
    const line = await requestLine(id);
    expect(line).toMatchObject({ status: 400, operation: 'anonymous', errors: ['BAD_USER_INPUT'] });
    const error = captured.lines.find((l) => l.reqId === id && l.context === 'GraphQL') as LogLine;
    expect(error).toMatchObject({ level: 20, code: 'BAD_USER_INPUT' });
  });

  it('puts the code of a refused token in the request line, and not the token', async () => {
    const res = await graphql({ query: ARTICLES }, { authorization: 'Bearer not-a-real-secret' });

    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const line = await requestLine(res.headers['x-request-id']!);
    expect(line.errors).toEqual(['UNAUTHENTICATED']);
    expect(line.token).toBeUndefined();
    expect(captured.text()).not.toContain('not-a-real-secret');
  });

  it("sends Nest's own lines through the same logger with their context", () => {
    expect(captured.lines).toContainEqual(
      expect.objectContaining({ level: 30, context: 'PrismaService', msg: 'connected to PostgreSQL' }),
    );
  });
});
