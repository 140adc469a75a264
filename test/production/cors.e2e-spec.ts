import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';

const FRONT = 'https://front.example';
const QUERY = '{ articles(first: 1) { totalCount } }';

async function appWithOrigins(origins: string | undefined, options: { responseCacheMaxBytes?: number } = {}) {
  if (origins === undefined) delete process.env.CORS_ORIGINS;
  else process.env.CORS_ORIGINS = origins;
  const app = await createTestApp(options);
  await resetDb(app);
  return app;
}

const preflight = (app: INestApplication, origin: string, headers = 'content-type') =>
  request(app.getHttpServer())
    .options('/graphql')
    .set('origin', origin)
    .set('access-control-request-method', 'POST')
    .set('access-control-request-headers', headers);

describe('CORS with CORS_ORIGINS listing origins', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await appWithOrigins(`${FRONT}, http://localhost:5173`, { responseCacheMaxBytes: 1024 ** 2 });
    await createArticle(app);
  });
  afterAll(() => app.close());

  it('answers a preflight from a listed origin with 204, that origin, the methods and headers', async () => {
    const res = await preflight(app, FRONT, 'content-type,authorization');

    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(FRONT);
    expect(res.headers['access-control-allow-methods']!.split(/, ?/)).toEqual(['GET', 'POST', 'OPTIONS']);
    expect(res.headers['access-control-allow-headers']!.split(/, ?/)).toEqual(
      expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name']),
    );
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives an origin that is not listed no Access-Control-Allow-Origin', async () => {
    const pre = await preflight(app, 'https://evil.example');
    const post = await request(app.getHttpServer())
      .post('/graphql')
      .set('origin', 'https://evil.example')
      .send({ query: QUERY });

    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('names the origin on answers, varying on Origin and Authorization, from the response cache too', async () => {
    const query = '{ articles(first: 2) { totalCount } }'; // not asked by another test: a MISS first
    const send = (origin: string) =>
      request(app.getHttpServer()).post('/graphql').set('origin', origin).send({ query }).expect(200);
    const miss = await send(FRONT);
    const hit = await send('http://localhost:5173');

    expect(miss.headers['x-cache']).toBe('MISS');
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(miss.headers['access-control-allow-origin']).toBe(FRONT);
    expect(hit.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    for (const res of [miss, hit]) {
      expect(res.headers.vary).toMatch(/\bOrigin\b/);
      expect(res.headers.vary).toMatch(/\bAuthorization\b/);
    }
  });

  it('lets a listed origin send a token', async () => {
    const editor = await createToken(app, 'EDITOR');
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('origin', FRONT)
      .set('authorization', `Bearer ${editor}`)
      .send({ query: 'mutation { createTag(input: { name: "From the front" }) { slug } }' });

    expect(res.body.errors).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBe(FRONT);
  });
});

describe('CORS with CORS_ORIGINS=*', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await appWithOrigins('*');
  });
  afterAll(() => app.close());

  it('opens anonymous reads to every origin, without credentials or the Authorization header', async () => {
    const pre = await preflight(app, 'https://anyone.example', 'content-type,authorization');
    const post = await request(app.getHttpServer())
      .post('/graphql')
      .set('origin', 'https://anyone.example')
      .send({ query: QUERY });

    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-headers']!.split(/, ?/)).not.toContain('authorization');
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    expect(post.headers['access-control-allow-origin']).toBe('*');
    expect(post.body.data.articles.totalCount).toBe(0);
  });
});

describe('CORS without CORS_ORIGINS', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await appWithOrigins(undefined);
  });
  afterAll(() => app.close());

  it('allows no cross-origin access', async () => {
    const pre = await preflight(app, FRONT);
    const post = await request(app.getHttpServer()).post('/graphql').set('origin', FRONT).send({ query: QUERY });

    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe("Apollo's CSRF prevention", () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    app = await appWithOrigins(FRONT);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  const MUTATION = 'mutation { createTag(input: { name: "Forged" }) { slug } }';
  const tagCount = async () =>
    (await request(app.getHttpServer()).post('/graphql').send({ query: '{ tags(first: 1) { totalCount } }' })).body.data
      .tags.totalCount as number;

  it.each([
    ['text/plain', JSON.stringify({ query: MUTATION })],
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(MUTATION)}`],
    [
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${MUTATION}\r\n--x--\r\n`,
    ],
  ])('refuses a simple cross-site POST sent as %s', async (contentType, body) => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('origin', 'https://evil.example')
      .set('content-type', contentType)
      .set('authorization', `Bearer ${editor}`)
      .send(body);

    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code ?? res.body.code).toBeDefined();
    expect(await tagCount()).toBe(0);
  });

  it('refuses a GET without a preflight header, and never runs a mutation over GET', async () => {
    const simple = await request(app.getHttpServer()).get('/graphql').query({ query: QUERY });
    const mutation = await request(app.getHttpServer())
      .get('/graphql')
      .query({ query: MUTATION })
      .set('apollo-require-preflight', 'true')
      .set('authorization', `Bearer ${editor}`);

    expect(simple.status).toBe(400);
    expect(simple.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(mutation.status).toBe(405);
    expect(await tagCount()).toBe(0);
  });
});
