import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { CREATE_ARTICLE, PUBLISH_ARTICLE, UPDATE_ARTICLE, firstError } from './editing-support.js';

const UUID = '00000000-0000-4000-8000-000000000000';
const long = (n: number) => 'x'.repeat(n);

interface Case {
  name: string;
  query: string;
  variables: (ids: { article: string; author: string; tag: string }) => Record<string, unknown>;
  field: string;
  /** 400 when refused before execution (apps/api/src/graphql/argument-limits.ts), else 200. */
  status?: number;
}

const article = (input: Record<string, unknown>) => () => ({ input: { title: 'T', ...input } });
const update = (input: Record<string, unknown>) => (ids: { article: string }) => ({ id: ids.article, input, v: 1 });

const CASES: Case[] = [
  { name: 'an empty title', query: CREATE_ARTICLE, variables: article({ title: '' }), field: 'input.title' },
  { name: 'a blank title', query: CREATE_ARTICLE, variables: article({ title: '   ' }), field: 'input.title' },
  {
    name: 'a title over 300 characters',
    query: CREATE_ARTICLE,
    variables: article({ title: long(301) }),
    field: 'input.title',
  },
  { name: 'a slug with capitals', query: CREATE_ARTICLE, variables: article({ slug: 'Hello' }), field: 'input.slug' },
  { name: 'a slug with spaces', query: CREATE_ARTICLE, variables: article({ slug: 'a b' }), field: 'input.slug' },
  {
    name: 'a slug with a double dash',
    query: CREATE_ARTICLE,
    variables: article({ slug: 'a--b' }),
    field: 'input.slug',
  },
  {
    name: 'a slug over 200 characters',
    query: CREATE_ARTICLE,
    variables: article({ slug: long(201) }),
    field: 'input.slug',
  },
  {
    name: 'an excerpt over 2000 characters',
    query: CREATE_ARTICLE,
    variables: article({ excerpt: long(2001) }),
    field: 'input.excerpt',
  },
  {
    name: 'a language that is no tag',
    query: CREATE_ARTICLE,
    variables: article({ language: 'English' }),
    field: 'input.language',
  },
  {
    name: 'a sourceUrl without a scheme',
    query: CREATE_ARTICLE,
    variables: article({ sourceUrl: 'example.com/a' }),
    field: 'input.sourceUrl',
  },
  {
    name: 'a sourceUrl that is not http',
    query: CREATE_ARTICLE,
    variables: article({ sourceUrl: 'javascript:alert(1)' }),
    field: 'input.sourceUrl',
  },
  {
    name: 'an author ref with a bad id',
    query: CREATE_ARTICLE,
    variables: article({ authors: [{ id: 'nope' }] }),
    field: 'input.authors.0.id',
  },
  {
    name: 'an author ref with neither id nor slug',
    query: CREATE_ARTICLE,
    variables: article({ authors: [{}] }),
    field: 'input.authors.0.id',
  },
  {
    name: 'an author ref with both id and slug',
    query: CREATE_ARTICLE,
    variables: article({ authors: [{ id: UUID, slug: 'a' }] }),
    field: 'input.authors.0',
  },
  {
    name: 'more than 50 authors',
    query: CREATE_ARTICLE,
    variables: article({ authors: Array(51).fill({ slug: 'a' }) }),
    field: 'input.authors',
  },
  {
    name: 'more than 100 tags',
    query: CREATE_ARTICLE,
    variables: article({ tags: Array(101).fill({ slug: 'a' }) }),
    field: 'input.tags',
    status: 400,
  },
  {
    name: 'a tag ref with a bad slug',
    query: CREATE_ARTICLE,
    variables: article({ tags: [{ slug: 'Bad Slug' }] }),
    field: 'input.tags.0.slug',
  },
  {
    name: 'frontMatter that is not an object',
    query: CREATE_ARTICLE,
    variables: article({ frontMatter: [1, 2] }),
    field: 'input.frontMatter',
  },
  { name: 'a null title on update', query: UPDATE_ARTICLE, variables: update({ title: null }), field: 'input.title' },
  { name: 'a null body on update', query: UPDATE_ARTICLE, variables: update({ body: null }), field: 'input.body' },
  {
    name: 'null authors on update',
    query: UPDATE_ARTICLE,
    variables: update({ authors: null }),
    field: 'input.authors',
  },
  {
    name: 'a malformed article id',
    query: UPDATE_ARTICLE,
    variables: () => ({ id: 'abc', input: {}, v: 1 }),
    field: 'id',
  },
  {
    name: 'an expectedVersion of 0',
    query: UPDATE_ARTICLE,
    variables: (ids) => ({ id: ids.article, input: {}, v: 0 }),
    field: 'expectedVersion',
  },
  { name: 'a malformed id on publish', query: PUBLISH_ARTICLE, variables: () => ({ id: '1' }), field: 'id' },
  {
    name: 'a malformed revision id',
    query: 'mutation($a: ID!, $r: ID!) { restoreArticleRevision(articleId: $a, revisionId: $r) { id } }',
    variables: (ids) => ({ a: ids.article, r: 'x' }),
    field: 'revisionId',
  },
  {
    name: 'an empty author name',
    query: 'mutation($i: CreateAuthorInput!) { createAuthor(input: $i) { id } }',
    variables: () => ({ i: { name: '' } }),
    field: 'input.name',
  },
  {
    name: 'an author email that is no address',
    query: 'mutation($i: CreateAuthorInput!) { createAuthor(input: $i) { id } }',
    variables: () => ({ i: { name: 'A', email: 'not-mail' } }),
    field: 'input.email',
  },
  {
    name: 'an author url that is no URL',
    query: 'mutation($i: CreateAuthorInput!) { createAuthor(input: $i) { id } }',
    variables: () => ({ i: { name: 'A', url: 'nope' } }),
    field: 'input.url',
  },
  {
    name: 'a null author name on update',
    query: 'mutation($id: ID!, $i: UpdateAuthorInput!) { updateAuthor(id: $id, input: $i) { id } }',
    variables: (ids) => ({ id: ids.author, i: { name: null } }),
    field: 'input.name',
  },
  {
    name: 'an empty tag name',
    query: 'mutation($i: CreateTagInput!) { createTag(input: $i) { id } }',
    variables: () => ({ i: { name: ' ' } }),
    field: 'input.name',
  },
  {
    name: 'a tag description over 5000 characters',
    query: 'mutation($id: ID!, $i: UpdateTagInput!) { updateTag(id: $id, input: $i) { id } }',
    variables: (ids) => ({ id: ids.tag, i: { description: long(5001) } }),
    field: 'input.description',
  },
  {
    name: 'a merge with no sources',
    query: 'mutation($s: [ID!]!, $t: ID!) { mergeTags(sources: $s, target: $t) { id } }',
    variables: (ids) => ({ s: [], t: ids.tag }),
    field: 'sources',
  },
  {
    name: 'a merge with a malformed source',
    query: 'mutation($s: [ID!]!, $t: ID!) { mergeTags(sources: $s, target: $t) { id } }',
    variables: (ids) => ({ s: ['x'], t: ids.tag }),
    field: 'sources',
  },
  {
    name: 'a token name with spaces',
    query: 'mutation { createApiToken(input: { name: "two words", role: EDITOR }) { secret } }',
    variables: () => ({}),
    field: 'input.name',
  },
];

describe('validation of every mutation input', () => {
  let app: INestApplication;
  let admin: string;
  let ids: { article: string; author: string; tag: string };
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    admin = await createToken(app, 'ADMIN');
    const [row, author, tag] = [await createArticle(app), await createAuthor(app), await createTag(app)];
    ids = { article: row.id, author: author.id, tag: tag.id };
  });
  afterAll(() => app.close());

  it.each(CASES)('refuses $name with BAD_USER_INPUT naming $field', async ({ query, variables, field, status }) => {
    const response = await gql(app, query, variables(ids), admin);

    expect(response.status).toBe(status ?? 200);
    expect(firstError(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const prisma = app.get(PrismaService);
    expect([
      await prisma.article.count(),
      await prisma.articleRevision.count(),
      await prisma.author.count(),
      await prisma.tag.count(),
    ]).toEqual([1, 0, 1, 1]);
  });
});
