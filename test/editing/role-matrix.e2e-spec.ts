import type { INestApplication } from '@nestjs/common';
import { ApiTokensService } from '@pressroom/auth';
import { revisionSnapshotSql, storedLinks } from '@pressroom/content';
import { PrismaService } from '@pressroom/database';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

type Caller = 'anonymous' | 'editor' | 'admin' | 'revoked' | 'bad';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
interface Fixture {
  article: string;
  published: string;
  revision: string;
  author: string;
  tag: string;
  otherTag: string;
}
interface Operation {
  name: string;
  least: 'EDITOR' | 'ADMIN';
  query: string;
  variables?: (f: Fixture) => Record<string, unknown>;
}

const OPERATIONS: Operation[] = [
  { name: 'createArticle', least: 'EDITOR', query: 'mutation { createArticle(input: { title: "New" }) { id } }' },
  {
    name: 'updateArticle',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { updateArticle(id: $id, input: { title: "Changed" }, expectedVersion: 2) { id } }',
    variables: (f) => ({ id: f.article }),
  },
  {
    name: 'deleteArticle',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { deleteArticle(id: $id) }',
    variables: (f) => ({ id: f.article }),
  },
  {
    name: 'publishArticle',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { publishArticle(id: $id) { id } }',
    variables: (f) => ({ id: f.article }),
  },
  {
    name: 'unpublishArticle',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { unpublishArticle(id: $id) { id } }',
    variables: (f) => ({ id: f.article }),
  },
  {
    name: 'archiveArticle',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { archiveArticle(id: $id) { id } }',
    variables: (f) => ({ id: f.article }),
  },
  {
    name: 'restoreArticleRevision',
    least: 'EDITOR',
    query: 'mutation($a: ID!, $r: ID!) { restoreArticleRevision(articleId: $a, revisionId: $r) { id } }',
    variables: (f) => ({ a: f.article, r: f.revision }),
  },
  {
    name: 'article.revisions',
    least: 'EDITOR',
    query: 'query($id: ID!) { article(id: $id) { revisions(first: 5) { totalCount } } }',
    variables: (f) => ({ id: f.published }),
  },
  { name: 'createAuthor', least: 'EDITOR', query: 'mutation { createAuthor(input: { name: "Ana" }) { id } }' },
  {
    name: 'updateAuthor',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { updateAuthor(id: $id, input: { bio: "b" }) { id } }',
    variables: (f) => ({ id: f.author }),
  },
  {
    name: 'deleteAuthor',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { deleteAuthor(id: $id) }',
    variables: (f) => ({ id: f.author }),
  },
  { name: 'createTag', least: 'EDITOR', query: 'mutation { createTag(input: { name: "Port" }) { id } }' },
  {
    name: 'updateTag',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { updateTag(id: $id, input: { name: "Quay" }) { id } }',
    variables: (f) => ({ id: f.tag }),
  },
  {
    name: 'deleteTag',
    least: 'EDITOR',
    query: 'mutation($id: ID!) { deleteTag(id: $id) }',
    variables: (f) => ({ id: f.tag }),
  },
  {
    name: 'mergeTags',
    least: 'EDITOR',
    query: 'mutation($s: [ID!]!, $t: ID!) { mergeTags(sources: $s, target: $t) { id } }',
    variables: (f) => ({ s: [f.otherTag], t: f.tag }),
  },
  { name: 'apiTokens', least: 'ADMIN', query: '{ apiTokens(first: 10) { totalCount edges { node { name role } } } }' },
  {
    name: 'createApiToken',
    least: 'ADMIN',
    query: 'mutation { createApiToken(input: { name: "new-token", role: EDITOR }) { secret } }',
  },
  { name: 'revokeApiToken', least: 'ADMIN', query: 'mutation { revokeApiToken(name: "victim") { revokedAt } }' },
  { name: 'importJobs', least: 'ADMIN', query: '{ importJobs(first: 5) { totalCount } }' },
];

const CALLERS: Caller[] = ['anonymous', 'editor', 'admin', 'revoked', 'bad'];

function expected(caller: Caller, least: 'EDITOR' | 'ADMIN'): Outcome {
  if (caller === 'anonymous' || caller === 'revoked' || caller === 'bad') return 'UNAUTHENTICATED';
  if (caller === 'editor' && least === 'ADMIN') return 'FORBIDDEN';
  return 'ok';
}

const MATRIX = OPERATIONS.flatMap((op) =>
  CALLERS.map((caller) => ({ ...op, caller, outcome: expected(caller, op.least) })),
);

describe('who may do what', () => {
  let app: INestApplication;
  let fixture: Fixture;
  let tokens: Record<Caller, string | undefined>;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    const article = await createArticle(app, { status: 'DRAFT', publishedAt: null });
    const [revision] = await app.get(PrismaService).$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot)
       SELECT gen_random_uuid(), a.id, 1, 'test', 'create', ${revisionSnapshotSql('a', storedLinks('a'))}
       FROM "Article" a WHERE a.id = $1::uuid RETURNING id::text`,
      article.id,
    );
    // That revision is a replaced state: the article has moved on to version 2.
    await app.get(PrismaService).article.update({ where: { id: article.id }, data: { version: 2 } });
    const [author, tag, otherTag] = [await createAuthor(app), await createTag(app), await createTag(app)];
    fixture = {
      article: article.id,
      published: (await createArticle(app)).id,
      revision: revision!.id,
      author: author.id,
      tag: tag.id,
      otherTag: otherTag.id,
    };
    await createToken(app, 'EDITOR', 'victim');
    const revoked = await createToken(app, 'ADMIN', 'revoked-admin');
    await app.get(ApiTokensService).revoke('revoked-admin');
    tokens = {
      anonymous: undefined,
      editor: await createToken(app, 'EDITOR'),
      admin: await createToken(app, 'ADMIN'),
      revoked,
      bad: 'prs_not-a-token',
    };
  });
  afterAll(() => app.close());

  it.each(MATRIX)('$name as $caller: $outcome', async ({ query, variables, caller, outcome }) => {
    const response = await gql(app, query, variables?.(fixture) ?? {}, tokens[caller]);

    if (outcome === 'ok') {
      expect(response.errors).toBeUndefined();
      return;
    }
    expect(response.errors?.[0]?.extensions?.code).toBe(outcome);
    // A refused token fails the whole request (401); a missing role is an error in a 200 answer.
    expect(response.status).toBe(caller === 'revoked' || caller === 'bad' ? 401 : 200);
    expect(await app.get(PrismaService).articleRevision.count()).toBe(1);
  });

  it.each(CALLERS)('draft reads as %s', async (caller) => {
    const single = await gql(
      app,
      'query($id: ID!) { article(id: $id) { id status } }',
      { id: fixture.article },
      tokens[caller],
    );
    const list = await gql(
      app,
      '{ articles(first: 5, where: { status: [DRAFT] }) { edges { node { id } } } }',
      {},
      tokens[caller],
    );

    if (caller === 'editor' || caller === 'admin') {
      expect(single.data!.article).toEqual({ id: fixture.article, status: 'DRAFT' });
      expect(list.data!.articles.edges).toEqual([{ node: { id: fixture.article } }]);
    } else if (caller === 'anonymous') {
      expect(single.data!.article).toBeNull();
      expect(list.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } else {
      expect([single.status, single.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  const ADMIN_ENDPOINTS: Record<Caller, number[]> = {
    anonymous: [401],
    editor: [403],
    admin: [400],
    revoked: [401],
    bad: [401],
  };
  it.each(CALLERS)('POST /admin/imports as %s', async (caller) => {
    const req = request(app.getHttpServer()).post('/admin/imports').field('dryRun', 'true');
    if (tokens[caller]) req.set('authorization', `Bearer ${tokens[caller]}`);
    const response = await req;
    expect(ADMIN_ENDPOINTS[caller]).toContain(response.status);
  });

  it.each(CALLERS)('GET /admin/exports as %s', async (caller) => {
    const req = request(app.getHttpServer()).get('/admin/exports');
    if (tokens[caller]) req.set('authorization', `Bearer ${tokens[caller]}`);
    const response = await req;
    expect(response.status).toBe(caller === 'admin' ? 200 : caller === 'editor' ? 403 : 401);
  });

  it.each(CALLERS)('GET /admin/imports/:id as %s', async (caller) => {
    const req = request(app.getHttpServer()).get('/admin/imports/00000000-0000-4000-8000-000000000000');
    if (tokens[caller]) req.set('authorization', `Bearer ${tokens[caller]}`);
    const response = await req;
    expect(response.status).toBe(caller === 'admin' ? 404 : caller === 'editor' ? 403 : 401);
  });
});
