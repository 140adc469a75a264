import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';

/** Whatever a stack or an internal detail would look like in an answer. */
const INTERNALS = /stacktrace|\bat .+\.(js|ts):\d+|node_modules|\/work\/|Prisma|TypeError|ReferenceError/;

describe('NODE_ENV=production', () => {
  let app: INestApplication;
  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    for (const name of ['GRAPHQL_IDE', 'GRAPHQL_INTROSPECTION', 'SEED_SAMPLE_POSTS']) delete process.env[name];
    app = await createTestApp();
    await resetDb(app);
  });
  afterAll(() => app.close());

  it('turns the IDE and introspection off unless asked for', async () => {
    const introspection = await request(app.getHttpServer())
      .post('/graphql')
      .send({ query: '{ __schema { types { name } } }' });
    const page = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    const asset = await request(app.getHttpServer()).get('/graphql-ide/graphiql.js');

    expect(introspection.status).toBe(400);
    expect(introspection.body.errors[0].message).toMatch(/introspection/i);
    expect(page.text).not.toContain('GraphiQL');
    expect(asset.status).toBe(404);
  });

  it.each([
    ['a syntax error', 'application/json', '{"query":"{"}', 400],
    ['an unknown field', 'application/json', '{"query":"{ nope }"}', 400],
    [
      'a bad variable',
      'application/json',
      '{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":"x"}}',
      400,
    ],
    ['invalid JSON', 'application/json', '{"query":', 400],
    ['an unsupported charset', 'application/json; charset=koi8-r', '{}', 415],
  ])('answers %s without a stack or internal detail', async (_name, contentType, body, status) => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', contentType)
      .set('apollo-require-preflight', 'true')
      .send(body);

    expect(res.status).toBe(status);
    expect(res.text).not.toMatch(INTERNALS);
  });

  it('answers a body over the limit 413 without internals', async () => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(`{"query":"${'x'.repeat(17 * 1024 ** 2)}"}`);

    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.text).not.toMatch(INTERNALS);
  });

  it('answers unknown routes and refused tokens without internals', async () => {
    const missing = await request(app.getHttpServer()).get('/nope');
    const refused = await request(app.getHttpServer()).get('/admin/imports').set('authorization', 'Bearer prs_x');

    expect(missing.status).toBe(404);
    expect(refused.status).toBe(401);
    for (const res of [missing, refused]) expect(res.text).not.toMatch(INTERNALS);
  });
});
