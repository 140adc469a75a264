import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import { AppModule } from '../../apps/api/src/app.module.js';
import { appFrom, createTestApp, resetDb, startApp } from '../support/create-test-app.js';
import { createArticle } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { createTestDatabase } from '../support/test-database.js';

const nest = (levels: number): string =>
  levels === 0 ? 'title' : `authors { articles(first: 1) { edges { node { ${nest(levels - 1)} } } } }`;

describe('query limits', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    await createArticle(app);
  });
  afterAll(() => app.close());

  it.each([
    ['first: 1000', '{ articles(first: 1000) { edges { node { id } } } }', 'first'],
    ['last: 101', '{ articles(last: 101) { edges { node { id } } } }', 'last'],
    ['search first: 101', '{ search(query: "x", first: 101) { totalCount } }', 'first'],
    ['authors first: 500', '{ authors(first: 500) { totalCount } }', 'first'],
  ])('refuses a page size over 100 (%s) with BAD_USER_INPUT naming the argument', async (_name, query, field) => {
    const { errors, data } = await gql(app, query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(data?.articles ?? null).toBeNull();
  });

  it('refuses a query 14 levels deep before running it', async () => {
    const { status, errors, data } = await gql(app, `{ articles(first: 1) { edges { node { ${nest(3)} } } } }`);
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxDepth' });
    expect(errors?.[0]?.message).toMatch(/depth limit of 10/);
  });

  it('accepts a query as deep as the frontends need', async () => {
    const { errors } = await gql(app, `{ articles(first: 1) { edges { node { ${nest(1)} } } } }`);
    expect(errors).toBeUndefined();
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ');
    const { errors } = await gql(app, `{ ${aliases} }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxAliases' });
  });

  it('refuses a query whose nested pages multiply past the cost limit, counting page sizes from variables', async () => {
    const query = `query($n: Int) { authors(first: $n) { edges { node { articles(first: 100) { edges { node { title authors { name } } } } } } } }`;
    const cheap = await gql(app, query, { n: 1 });
    const costly = await gql(app, query, { n: 100 });
    expect(cheap.errors).toBeUndefined();
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxCost', maxCost: 5000 });
  });

  it('does not suggest field names to someone probing the schema', async () => {
    const { errors } = await gql(app, '{ articles(first: 1) { edges { node { titl } } } }');
    expect(errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('a slow database', () => {
  let app: INestApplication;
  let locker: pg.Client;
  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ databaseUrl, statementTimeoutMs: 300 })],
    }).compile();
    app = await startApp(await appFrom(moduleRef, { logger: false }));
    locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
  });
  afterAll(async () => {
    await locker.end();
    await app.close();
  });

  it('answers SERVICE_UNAVAILABLE, without a stack, once a statement runs past the timeout', async () => {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE');
    const started = Date.now();
    const { errors } = await gql(app, '{ articles(first: 1) { edges { node { id } } } }');
    await locker.query('ROLLBACK');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|at .*\.js/);
  });
});
