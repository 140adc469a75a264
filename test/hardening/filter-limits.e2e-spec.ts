import type { INestApplication } from '@nestjs/common';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

const ARTICLES = 'query($where: ArticleWhereInput) { articles(first: 1, where: $where) { totalCount } }';

const notNested = (depth: number): Record<string, unknown> => {
  let where: Record<string, unknown> = { text: 'x' };
  for (let i = 1; i < depth; i++) where = { NOT: where };
  return where;
};

describe('filter limits', () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    await createTag(app);
    await createArticle(app, { title: 'Harbour' });
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  it('refuses a filter of more than 50 conditions before it reaches the database', async () => {
    // 20 x 20 branches: each OR list is within the 20-item rule, the tree is 400 conditions.
    const where = {
      OR: Array.from({ length: 20 }, (_, i) => ({ OR: Array.from({ length: 20 }, (_, j) => ({ text: `${i}-${j}` })) })),
    };
    const { status, errors } = await gql(app, ARTICLES, { where });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxFilterConditions' });
  });

  it('refuses a list argument of more than 100 items before validating its items', async () => {
    const where = { tagSlugs: Array.from({ length: 300_000 }, (_, i) => `t${i}`) };
    const { status, errors } = await gql(app, ARTICLES, { where }, editor);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'where.tagSlugs',
      limit: 'maxListItems',
    });
  });

  it('refuses NOT nested 3,000 deep as bad input, not a crash', async () => {
    const { status, errors } = await gql(app, ARTICLES, { where: notNested(3000) });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxInputDepth' });
  });

  it('accepts filters 5 deep and refuses 6', async () => {
    const five = await gql(app, ARTICLES, { where: notNested(5) });
    const six = await gql(app, ARTICLES, { where: notNested(6) });
    expect(five.errors).toBeUndefined();
    expect(six.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxInputDepth' });
  });

  it('checks filters written inline as well', async () => {
    const slugs = Array.from({ length: 101 }, (_, i) => `"t${i}"`).join(', ');
    const { status, errors } = await gql(app, `{ articles(where: { tagSlugs: [${slugs}] }) { totalCount } }`);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxListItems' });
  });

  it('prices every condition of a nested filter into the query cost', async () => {
    // 100 tags x (a page of 1 + 48 conditions) is over 5,000; the same query without them is ~400.
    const query = `query($where: ArticleWhereInput) {
      tags(first: 100) { edges { node { articles(first: 1, where: $where) { totalCount } } } } }`;
    const fields = {
      ...{ tagSlugs: ['a'], allTagSlugs: ['a'], categorySlugs: ['b'], authorSlug: 'c', language: 'en', text: 'd' },
      ...{ publishedAfter: '2020-01-01T00:00:00Z', publishedBefore: '2030-01-01T00:00:00Z' },
    };
    const cheap = await gql(app, query, { where: { text: 'harbour' } });
    const costly = await gql(app, query, {
      where: { ...fields, AND: Array.from({ length: 20 }, (_, i) => ({ text: `t${i}`, language: 'en' })) },
    });
    expect(cheap.errors).toBeUndefined();
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxCost' });
  });

  it('still runs ordinary combined filters', async () => {
    const where = { OR: [{ text: 'harbour' }, { NOT: { language: 'zh' } }], AND: [{ status: ['PUBLISHED'] }] };
    const { errors, data } = await gql(app, ARTICLES, { where });
    expect(errors).toBeUndefined();
    expect(data?.articles.totalCount).toBe(1);
  });
});
