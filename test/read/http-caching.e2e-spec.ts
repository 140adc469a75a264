import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';

const QUERY = '{ articles(first: 1) { totalCount edges { node { title } } } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('HTTP caching of GraphQL reads', () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    await createArticle(app, { title: 'Cached' });
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  const get = (params: Record<string, string>) =>
    request(app.getHttpServer()).get('/graphql').query(params).set('apollo-require-preflight', 'true');

  it('lets shared caches keep an anonymous GET for CACHE_MAX_AGE seconds, varying on Authorization', async () => {
    const res = await get({ query: QUERY }).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers.vary).toMatch(/Authorization/i);
    expect(res.body.data.articles.edges[0].node.title).toBe('Cached');
  });

  it('marks anything sent with a token private, no-store', async () => {
    const res = await get({ query: QUERY }).set('authorization', `Bearer ${editor}`).expect(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('does not let caches keep errors or mutations', async () => {
    const error = await get({ query: '{ articles(first: 1000) { totalCount } }' });
    const mutation = await request(app.getHttpServer())
      .post('/graphql')
      .send({ query: 'mutation { deleteArticle(id: "x") }' });
    expect(error.headers['cache-control']).toBe('no-store');
    expect(mutation.headers['cache-control']).toBe('no-store');
  });

  it('answers 304 to a GET whose If-None-Match is the current ETag', async () => {
    const first = await get({ query: QUERY }).expect(200);
    expect(first.headers.etag).toBeTruthy();
    const again = await get({ query: QUERY }).set('if-none-match', first.headers.etag!);
    expect(again.status).toBe(304);
    await createArticle(app, { title: 'Newer' });
    const changed = await get({ query: QUERY }).set('if-none-match', first.headers.etag!);
    expect(changed.status).toBe(200);
    expect(changed.body.data.articles.edges[0].node.title).toBe('Newer');
  });

  it('answers 304 to any tag of an If-None-Match list or to *, and 200 to another tag', async () => {
    const first = await get({ query: QUERY }).expect(200);
    const etag = first.headers.etag!;
    const listed = await get({ query: QUERY }).set('if-none-match', `"other", ${etag.replace(/^W\//, '')}`);
    const other = await get({ query: QUERY }).set('if-none-match', 'W/"other"');
    const any = await get({ query: QUERY }).set('if-none-match', '*');

    expect(etag).toMatch(/^W\/"[A-Za-z0-9+/=]+"$/);
    expect(listed.status).toBe(304);
    expect(any.status).toBe(304);
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(etag);
  });

  it('puts no ETag on a POST and never answers one 304: no cache keeps its answer', async () => {
    const etag = (await get({ query: QUERY }).expect(200)).headers.etag!;

    const post = await request(app.getHttpServer()).post('/graphql').set('if-none-match', etag).send({ query: QUERY });

    expect(post.status).toBe(200);
    expect(post.headers.etag).toBeUndefined();
    expect(post.body.data.articles.edges).toHaveLength(1);
  });

  it('serves automatic persisted queries over GET, cacheable once registered', async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } });
    const unknown = await get({ extensions });
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers['cache-control']).toBe('no-store');
    await get({ query: QUERY, extensions }).expect(200);
    const hit = await get({ extensions }).expect(200);
    expect(hit.body.data.articles.totalCount).toBeGreaterThan(0);
    expect(hit.headers['cache-control']).toBe('public, max-age=60');
  });

  it('refuses a mutation over GET', async () => {
    const res = await get({ query: 'mutation { deleteArticle(id: "x") }' });
    expect(res.status).toBe(405);
  });
});

describe('GraphQL IDE', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('serves GraphiQL at /graphql to a browser, with every file from this server', async () => {
    const page = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html').expect(200);
    expect(page.text).toContain('GraphiQL.createFetcher');
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBe(4);
    for (const source of sources) {
      expect(source).toMatch(/^\/graphql-ide\//);
      // Uncompressed, so Content-Length is the file's size (test/production/compression covers gzip).
      const asset = await request(app.getHttpServer()).get(source).set('accept-encoding', 'identity').expect(200);
      expect(Number(asset.headers['content-length'])).toBeGreaterThan(1000);
    }
    expect(page.text).not.toMatch(/https?:\/\//);
  });

  it('serves nothing else from the IDE folder', async () => {
    await request(app.getHttpServer()).get('/graphql-ide/package.json').expect(404);
    await request(app.getHttpServer()).get('/graphql-ide/..%2F..%2Fpackage.json').expect(404);
  });
});

describe('production switches', () => {
  let app: INestApplication;
  const saved = {
    ide: process.env.GRAPHQL_IDE,
    introspection: process.env.GRAPHQL_INTROSPECTION,
    maxAge: process.env.CACHE_MAX_AGE,
  };
  beforeAll(async () => {
    Object.assign(process.env, { GRAPHQL_IDE: 'false', GRAPHQL_INTROSPECTION: 'false', CACHE_MAX_AGE: '300' });
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
    for (const [key, name] of [
      ['ide', 'GRAPHQL_IDE'],
      ['introspection', 'GRAPHQL_INTROSPECTION'],
      ['maxAge', 'CACHE_MAX_AGE'],
    ] as const) {
      if (saved[key] === undefined) delete process.env[name];
      else process.env[name] = saved[key];
    }
  });

  it('turns off introspection and the IDE, and uses the configured max-age', async () => {
    const introspection = await request(app.getHttpServer())
      .post('/graphql')
      .send({ query: '{ __schema { types { name } } }' });
    const page = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    const asset = await request(app.getHttpServer()).get('/graphql-ide/graphiql.js');
    const read = await request(app.getHttpServer())
      .get('/graphql')
      .query({ query: '{ articles(first: 1) { totalCount } }' })
      .set('apollo-require-preflight', 'true');
    expect(introspection.body.errors[0].message).toMatch(/introspection/i);
    expect(page.text).not.toContain('GraphiQL');
    expect(asset.status).toBe(404);
    expect(read.headers['cache-control']).toBe('public, max-age=300');
  });
});
