import type { INestApplication } from '@nestjs/common';
import { ContentChanges, DatabasePool } from '@pressroom/database';
import request from 'supertest';
import { ResponseCache } from '../../apps/api/src/response-cache/response-cache.service.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';

const LATEST = '{ articles(first: 5) { totalCount edges { node { title } } } }';
const BY_SLUG = 'query($slug: String!) { article(slug: $slug) { title status } }';
/**
 * Factories write through Prisma, around the API: their notifications empty the cache moments
 * later, maybe after a test's first read. Wait for them before reading.
 */
const heardWrites = (app: INestApplication) => app.get(ContentChanges).caughtUp();

const UPDATE_TITLE = `mutation($id: ID!, $title: String!, $v: Int) {
  updateArticle(id: $id, input: { title: $title }, expectedVersion: $v) { title } }`;

describe('response cache of anonymous reads', () => {
  let app: INestApplication;
  let editor: string;
  let statements = 0;
  beforeAll(async () => {
    app = await createTestApp({ logQueries: true, responseCacheMaxBytes: 1_000_000 });
    app.get(DatabasePool).onQuery(() => {
      statements++;
    });
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    await heardWrites(app);
  });
  afterAll(() => app.close());

  const postQuery = (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send({ query, variables });
  };
  const getQuery = (query: string) =>
    request(app.getHttpServer()).get('/graphql').query({ query }).set('apollo-require-preflight', 'true');

  it('answers a repeated query from memory, byte for byte, without touching the database', async () => {
    await createArticle(app, { title: 'Cached' });
    await heardWrites(app);
    const first = await postQuery(LATEST).expect(200);
    statements = 0;
    const second = await postQuery(LATEST).expect(200);
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(statements).toBe(0);
    expect(second.text).toBe(first.text);
    expect(second.body.data.articles.edges[0].node.title).toBe('Cached');
    for (const header of ['content-type', 'cache-control', 'vary', 'etag', 'content-length']) {
      expect([header, second.headers[header]]).toEqual([header, first.headers[header]]);
    }
  });

  it('keeps ETags and 304s as they were, for GET and for the same query formatted otherwise', async () => {
    await createArticle(app, { title: 'Cached' });
    await heardWrites(app);
    const first = await getQuery(LATEST).expect(200);
    const reformatted = await getQuery(`\n${LATEST.replaceAll(' ', '\n  ')}\n`).expect(200);
    expect(reformatted.headers['x-cache']).toBe('HIT');
    expect(reformatted.headers.etag).toBe(first.headers.etag);
    const notModified = await getQuery(LATEST).set('if-none-match', first.headers.etag!);
    expect([notModified.status, notModified.headers['x-cache']]).toEqual([304, 'HIT']);
    expect(notModified.headers['cache-control']).toBe('public, max-age=60');
  });

  it('still refuses a GET without a CSRF preflight header when its query is cached', async () => {
    await getQuery(LATEST).expect(200);
    const refused = await request(app.getHttpServer()).get('/graphql').query({ query: LATEST });
    expect(refused.status).toBe(400);
    expect(refused.headers['x-cache']).toBeUndefined();
  });

  it('answers with fresh data after a mutation', async () => {
    const article = await createArticle(app, { title: 'Before', slug: 'story' });
    await heardWrites(app);
    await postQuery(BY_SLUG, { slug: 'story' }).expect(200);
    expect((await postQuery(BY_SLUG, { slug: 'story' })).headers['x-cache']).toBe('HIT');
    const update = await postQuery(UPDATE_TITLE, { id: article.id, title: 'After', v: article.version }, editor).expect(
      200,
    );
    expect(update.body.errors).toBeUndefined();
    const after = await postQuery(BY_SLUG, { slug: 'story' }).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.article.title).toBe('After');
  });

  it('answers with fresh data after an import in this process commits a batch', async () => {
    await createArticle(app, { title: 'Old news' });
    await heardWrites(app);
    await postQuery(LATEST).expect(200);
    const folder = await tempFolder({ 'imported.md': post('title: Imported story\ndate: 2020-01-01', 'Text.') });
    const report = await importPaths(app, [folder]);
    expect(report.counts.created).toBe(1);
    await heardWrites(app);
    const after = await postQuery(LATEST).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.articles.totalCount).toBe(2);

    // A re-import that changes nothing commits only its report: what was kept stays.
    const again = await importPaths(app, [folder]);
    expect(again.counts.unchanged).toBe(1);
    expect((await postQuery(LATEST).expect(200)).headers['x-cache']).toBe('HIT');
  });

  it('never keeps or serves answers to requests with a token', async () => {
    await createArticle(app, { title: 'Draft', slug: 'draft', status: 'DRAFT', publishedAt: null });
    await heardWrites(app);
    for (let i = 0; i < 2; i++) await postQuery(BY_SLUG, { slug: 'draft' }).expect(200);
    const editors = [
      await postQuery(BY_SLUG, { slug: 'draft' }, editor),
      await postQuery(BY_SLUG, { slug: 'draft' }, editor),
    ];
    for (const answer of editors) {
      expect(answer.headers['x-cache']).toBeUndefined();
      expect(answer.headers['cache-control']).toBe('private, no-store');
      expect(answer.body.data.article).toEqual({ title: 'Draft', status: 'DRAFT' });
    }
    const anonymous = await postQuery(BY_SLUG, { slug: 'draft' });
    expect([anonymous.headers['x-cache'], anonymous.body.data.article]).toEqual(['HIT', null]);
  });

  it('never keeps answers with errors, whatever their HTTP status', async () => {
    const resolverError = '{ articles(first: 1, after: "%%%") { totalCount } }';
    const missingVariable = BY_SLUG;
    for (const [query, status] of [
      [resolverError, 200],
      [missingVariable, 400],
    ] as const) {
      const answers = [await postQuery(query), await postQuery(query)];
      expect(answers.map((a) => [a.status, a.headers['x-cache'], a.headers['cache-control']])).toEqual([
        [status, 'MISS', 'no-store'],
        [status, 'MISS', 'no-store'],
      ]);
      expect(answers[1]!.body.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('response cache size', () => {
  let app: INestApplication;
  const maxBytes = 6000;
  beforeAll(async () => {
    app = await createTestApp({ responseCacheMaxBytes: maxBytes });
    await resetDb(app);
    for (let i = 0; i < 10; i++)
      await createArticle(app, { slug: `story-${i}`, title: `Story ${i} ${'x'.repeat(200)}` });
    await heardWrites(app);
  });
  afterAll(() => app.close());

  const read = (slug: string) =>
    request(app.getHttpServer()).post('/graphql').send({ query: BY_SLUG, variables: { slug } }).expect(200);

  it('evicts the least recently used answers to stay within RESPONSE_CACHE_MAX_BYTES', async () => {
    for (let i = 0; i < 10; i++) await read(`story-${i}`);
    const cache = app.get(ResponseCache);
    expect(cache.bytes).toBeGreaterThan(0);
    expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
    expect((await read('story-9')).headers['x-cache']).toBe('HIT');
    expect((await read('story-0')).headers['x-cache']).toBe('MISS');
  });
});

describe('response cache switched off', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp({ responseCacheMaxBytes: 0 });
  });
  afterAll(() => app.close());

  it('runs every query, with the same Cache-Control as with the cache on', async () => {
    const answers = [];
    for (let i = 0; i < 2; i++)
      answers.push(await request(app.getHttpServer()).post('/graphql').send({ query: LATEST }).expect(200));
    for (const answer of answers) {
      expect(answer.headers['x-cache']).toBeUndefined();
      expect(answer.headers['cache-control']).toBe('public, max-age=60');
    }
  });
});
