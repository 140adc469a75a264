import type { INestApplication } from '@nestjs/common';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

// Over the cost limit alone: 100 authors times 100 articles each.
const COSTLY = 'authors(first: 100) { edges { node { articles(first: 100) { edges { node { title } } } } } }';

describe('page arguments', () => {
  let app: INestApplication;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    const author = await createAuthor(app);
    const tag = await createTag(app);
    await createArticle(app, { authors: [author], tags: [tag] });
    admin = await createToken(app, 'ADMIN');
  });
  afterAll(() => app.close());

  it('does not let a negative page size cancel the cost of the rest of the query', async () => {
    const query = `{ ${COSTLY} cheap: articles(first: -100000000) { edges { node { title } } } }`;
    const { status, data, errors } = await gql(app, query);
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', limit: 'maxPageSize' });
  });

  it.each([
    ['articles', '{ articles(first: -5) { totalCount } }'],
    ['search', '{ search(query: "x", last: -1) { totalCount } }'],
    ['authors', '{ authors(first: 101) { totalCount } }'],
    ['tags', '{ tags(last: -2) { totalCount } }'],
    ['author.articles', '{ authors(first: 1) { edges { node { articles(first: -100000) { totalCount } } } } }'],
    ['tag.articles', '{ tags(first: 1) { edges { node { articles(last: -1) { totalCount } } } } }'],
    ['article.revisions', '{ articles(first: 1) { edges { node { revisions(first: -100000000) { totalCount } } } } }'],
    ['importJobs', '{ importJobs(first: -1) { totalCount } }'],
    ['apiTokens', '{ apiTokens(last: 1000) { totalCount } }'],
  ])('refuses a page size out of 0..100 on %s before running anything', async (_field, query) => {
    const { status, data, errors } = await gql(app, query, {}, admin);
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxPageSize' });
  });

  it('checks page sizes given as variables, variable defaults and inside fragments', async () => {
    const fromVariable = await gql(app, 'query($n: Int) { articles(first: $n) { totalCount } }', { n: -1 });
    const fromDefault = await gql(app, 'query($n: Int = -1) { articles(first: $n) { totalCount } }');
    const inFragment = await gql(app, '{ ...F } fragment F on Query { tags(first: -1) { totalCount } }');
    for (const { status, errors } of [fromVariable, fromDefault, inFragment]) {
      expect(status).toBe(400);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('refuses first and last together', async () => {
    const { status, errors } = await gql(app, '{ authors(first: 1, last: 1) { totalCount } }');
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('still answers pages of 0 to 100', async () => {
    const { errors, data } = await gql(
      app,
      '{ none: articles(first: 0) { totalCount } all: articles(last: 100) { totalCount } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ none: { totalCount: 1 }, all: { totalCount: 1 } });
  });
});
