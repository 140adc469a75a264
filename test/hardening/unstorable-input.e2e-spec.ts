import type { INestApplication } from '@nestjs/common';
import { encodeCursor } from '@pressroom/common';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

const UUID = '00000000-0000-4000-8000-000000000000';
const forged = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

describe('strings PostgreSQL cannot store, and forged cursors', () => {
  let app: INestApplication;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    const author = await createAuthor(app);
    await createTag(app);
    await createArticle(app, { authors: [author] });
    admin = await createToken(app, 'ADMIN');
  });
  afterAll(() => app.close());

  it.each([
    ['a NUL in a slug variable', 'query($s: String) { article(slug: $s) { id } }', { s: 'a\u0000b' }, 'slug'],
    ['a NUL in a slug literal', '{ article(slug: "a\\u0000b") { id } }', {}, 'slug'],
    [
      'a lone surrogate in nameContains',
      'query($s: String) { authors(nameContains: $s) { totalCount } }',
      { s: 'x\ud800' },
      'nameContains',
    ],
    [
      'a NUL in a filter',
      'query($w: ArticleWhereInput) { articles(where: $w) { totalCount } }',
      { w: { OR: [{ text: '\u0000' }] } },
      'where.OR.0.text',
    ],
    [
      'a NUL in a tag slug list',
      'query($w: ArticleWhereInput) { articles(where: $w) { totalCount } }',
      { w: { tagSlugs: ['ok', 'n\u0000'] } },
      'where.tagSlugs.1',
    ],
    [
      'a lone low surrogate in a search',
      'query($q: String!) { search(query: $q) { totalCount } }',
      { q: '\udc00 harbour' },
      'query',
    ],
  ])('answers %s with BAD_USER_INPUT naming the argument', async (_name, query, variables, field) => {
    const { status, errors } = await gql(app, query, variables);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a NUL anywhere in an article sent by an editor, front matter included', async () => {
    const query = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }';
    const title = await gql(app, query, { input: { title: 'A\u0000' } }, admin);
    const frontMatter = await gql(app, query, { input: { title: 'A', frontMatter: { x: [{ 'k\u0000': 1 }] } } }, admin);
    expect(title.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(frontMatter.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.frontMatter' });
  });

  it.each([
    ['articles, a bare string', 'articles', forged('"2020"')],
    ['articles, an object', 'articles', forged('{"publishedAt": 1}')],
    ['articles, a date PostgreSQL cannot read', 'articles', encodeCursor(['publishedAt', '1', UUID])],
    ['articles, a year past 9999', 'articles', encodeCursor(['publishedAt', '+275760-09-13T00:00:00.000Z', UUID])],
    ['articles, a NUL', 'articles', forged('["title", "a\\u0000", "x"]')],
    ['authors, an id that is not a uuid', 'authors', encodeCursor(['name', 'Ana', 'nope'])],
    ['tags, a lone surrogate', 'tags', forged(`["name", "\\ud800", "${UUID}"]`)],
    ['importJobs, a number', 'importJobs', encodeCursor([5])],
    ['apiTokens, not a uuid', 'apiTokens', encodeCursor(['nope'])],
  ])('answers a forged cursor (%s) with BAD_USER_INPUT naming it', async (_name, field, cursor) => {
    const { errors } = await gql(
      app,
      `query($c: String) { ${field}(first: 1, after: $c) { totalCount } }`,
      { c: cursor },
      admin,
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('answers a forged revisions cursor with BAD_USER_INPUT', async () => {
    const query =
      'query($c: String) { articles(first: 1) { edges { node { revisions(first: 1, after: $c) { totalCount } } } } }';
    for (const cursor of [encodeCursor([1e20]), encodeCursor(['x']), encodeCursor([1.5])]) {
      const { errors } = await gql(app, query, { c: cursor }, admin);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('still pages with the cursors it hands out', async () => {
    await createAuthor(app);
    const first = await gql(
      app,
      '{ authors(first: 1) { pageInfo { endCursor } } articles(first: 1) { pageInfo { endCursor } } }',
    );
    const { authors, articles } = first.data!;
    const next = await gql(
      app,
      'query($a: String, $b: String) { authors(first: 1, after: $a) { totalCount } articles(first: 1, after: $b) { totalCount } }',
      {
        a: authors.pageInfo.endCursor,
        b: articles.pageInfo.endCursor,
      },
    );
    expect(next.errors).toBeUndefined();
  });
});
