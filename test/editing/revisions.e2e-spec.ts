import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createAuthor, createTag } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { READ_ARTICLE, UPDATE_ARTICLE, createViaApi, firstError, namedToken } from './editing-support.js';

const REVISIONS = `query($id: ID!, $first: Int, $after: String) {
  article(id: $id) { revisions(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id version actor action createdAt snapshot } } } } }`;
const RESTORE = `mutation($articleId: ID!, $revisionId: ID!) {
  restoreArticleRevision(articleId: $articleId, revisionId: $revisionId) { id title body html slug status version authors { slug } tags { slug } } }`;

describe('revisions', () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await namedToken(app, 'EDITOR', 'desk-editor');
  });
  afterAll(() => app.close());

  it('lists every change newest first, naming the token that made it, page by page', async () => {
    const article = await createViaApi(app, editor, { title: 'v1' });
    for (let v = 1; v <= 3; v++)
      await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: `v${v + 1}` }, v }, editor);

    const page1 = await gql(app, REVISIONS, { id: article.id, first: 3 }, editor);
    const page2 = await gql(
      app,
      REVISIONS,
      { id: article.id, first: 3, after: page1.data!.article.revisions.pageInfo.endCursor },
      editor,
    );

    const first = page1.data!.article.revisions;
    expect(first.totalCount).toBe(4);
    expect(first.edges.map((e: any) => e.node.version)).toEqual([4, 3, 2]);
    expect(first.edges[0].node).toMatchObject({
      actor: 'desk-editor',
      action: 'update',
      snapshot: expect.objectContaining({ title: 'v4' }),
    });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(page2.data!.article.revisions.edges.map((e: any) => [e.node.version, e.node.action])).toEqual([
      [1, 'create'],
    ]);
  });

  it('keeps revisions from anonymous readers', async () => {
    const article = await createViaApi(app, editor, { title: 'Public' });
    await gql(app, 'mutation($id: ID!) { publishArticle(id: $id) { id } }', { id: article.id }, editor);

    const response = await gql(app, REVISIONS, { id: article.id, first: 5 });

    expect(response.data!.article.revisions).toBeNull();
    expect(firstError(response)?.code).toBe('UNAUTHENTICATED');
  });

  it('restores an earlier revision as a new version with its own revision, links included', async () => {
    const ana = await createAuthor(app, { slug: 'ana' });
    const tag = await createTag(app, { slug: 'tide' });
    const article = await createViaApi(app, editor, {
      title: 'Original',
      body: 'First *draft*.',
      authors: [{ id: ana.id }],
      tags: [{ id: tag.id }],
    });
    await gql(
      app,
      UPDATE_ARTICLE,
      { id: article.id, input: { title: 'Rewritten', body: 'Other words.', authors: [], tags: [] }, v: 1 },
      editor,
    );
    await gql(app, 'mutation($id: ID!) { publishArticle(id: $id) { id } }', { id: article.id }, editor);
    const history = await gql(app, REVISIONS, { id: article.id, first: 10 }, editor);
    const original = history.data!.article.revisions.edges.find((e: any) => e.node.version === 1).node;

    const { data, errors } = await gql(app, RESTORE, { articleId: article.id, revisionId: original.id }, editor);
    const after = await gql(app, REVISIONS, { id: article.id, first: 1 }, editor);

    expect(errors).toBeUndefined();
    expect(data!.restoreArticleRevision).toMatchObject({
      title: 'Original',
      body: 'First *draft*.',
      status: 'PUBLISHED',
      version: 4,
      authors: [{ slug: 'ana' }],
      tags: [{ slug: 'tide' }],
    });
    expect(data!.restoreArticleRevision.html).toContain('<em>draft</em>');
    expect(after.data!.article.revisions.edges[0].node).toMatchObject({
      version: 4,
      action: 'restore',
      actor: 'desk-editor',
    });
  });

  it('answers a revision of another article with NOT_FOUND', async () => {
    const one = await createViaApi(app, editor, { title: 'One' });
    const other = await createViaApi(app, editor, { title: 'Other' });
    const history = await gql(app, REVISIONS, { id: other.id, first: 1 }, editor);

    const response = await gql(
      app,
      RESTORE,
      { articleId: one.id, revisionId: history.data!.article.revisions.edges[0].node.id },
      editor,
    );

    expect(firstError(response)).toMatchObject({ code: 'NOT_FOUND', field: 'revisionId' });
    expect((await gql(app, READ_ARTICLE, { id: one.id }, editor)).data!.article.version).toBe(1);
  });

  it('stores only replaced states: the current one is the row, listed with the id it keeps once stored', async () => {
    const prisma = app.get(PrismaService);
    const article = await createViaApi(app, editor, { title: 'First', body: 'Body one.' });
    expect(await prisma.articleRevision.count()).toBe(0);

    await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: 'Second' }, v: 1 }, editor);
    const listed = (await gql(app, REVISIONS, { id: article.id, first: 5 }, editor)).data!.article.revisions;
    const stored = await prisma.articleRevision.findMany({ where: { articleId: article.id } });
    expect(stored.map((r) => [r.version, r.action, r.actor, (r.snapshot as any).title])).toEqual([
      [1, 'create', 'desk-editor', 'First'],
    ]);
    expect(listed.totalCount).toBe(2);
    expect(listed.edges.map((e: any) => [e.node.version, e.node.action, e.node.snapshot.title])).toEqual([
      [2, 'update', 'Second'],
      [1, 'create', 'First'],
    ]);
    const secondId = listed.edges[0].node.id;

    await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: 'Third', body: 'Body three.' }, v: 2 }, editor);
    const later = (await gql(app, REVISIONS, { id: article.id, first: 5 }, editor)).data!.article.revisions;
    expect(later.edges.find((e: any) => e.node.version === 2).node).toMatchObject({
      id: secondId,
      action: 'update',
      snapshot: expect.objectContaining({ title: 'Second', body: 'Body one.' }),
    });
    expect(await prisma.articleRevision.count()).toBe(2);

    const restored = await gql(app, RESTORE, { articleId: article.id, revisionId: secondId }, editor);
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreArticleRevision).toMatchObject({ title: 'Second', body: 'Body one.', version: 4 });
  });

  it('names a version by the hash of article and version, inlined into the statement that stores it', async () => {
    const prisma = app.get(PrismaService);
    // The first definition's formula, which listed ids were made with: they must not change.
    const [{ differing, compared }] = await prisma.$queryRawUnsafe<{ differing: number; compared: number }[]>(
      `SELECT count(*) FILTER (WHERE pressroom_revision_id(u, v)
                <> (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid)::int AS differing,
              count(*)::int AS compared
       FROM (SELECT u, v, md5(u::text || ':' || v::text) AS h
             FROM (SELECT gen_random_uuid() AS u, n AS v FROM generate_series(1, 5000) AS n) AS pairs) AS hashed`,
    );
    // Not inlined, the function's body is parsed and planned again on every revision stored.
    const plan = await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN (VERBOSE) SELECT pressroom_revision_id(gen_random_uuid(), 7)`,
    );

    expect({ differing, compared }).toEqual({ differing: 0, compared: 5000 });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).not.toContain('pressroom_revision_id');
  });

  it('compresses bodies, vectors and stored states with lz4 where the server has it', async () => {
    const prisma = app.get(PrismaService);
    const words = Array.from({ length: 900 }, (_, i) => `harbour${i % 170} quay${(i * 7) % 130}`).join(' ');
    const article = await createViaApi(app, editor, { title: 'Long', body: words });
    await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: 'Longer' }, v: 1 }, editor);
    const lz4 = await prisma
      .$queryRawUnsafe(`SELECT set_config('default_toast_compression', 'lz4', true)`)
      .then(() => true)
      .catch(() => false); // a server built without lz4 refuses the value

    const settings = await prisma.$queryRawUnsafe<{ column: string; method: string }[]>(
      `SELECT attrelid::regclass::text || '.' || attname AS column, attcompression::text AS method FROM pg_attribute
       WHERE (attrelid, attname) IN (('"Article"'::regclass, 'body'), ('"Article"'::regclass, 'html'),
         ('"Article"'::regclass, 'searchVector'), ('"Article"'::regclass, 'searchBodyVector'),
         ('"ArticleRevision"'::regclass, 'snapshot'))
       ORDER BY 1`,
    );
    const [stored] = await prisma.$queryRawUnsafe<Record<string, string | null>[]>(
      `SELECT pg_column_compression(a.body) AS body, pg_column_compression(a.html) AS html,
              pg_column_compression(r.snapshot) AS snapshot
       FROM "Article" a JOIN "ArticleRevision" r ON r."articleId" = a.id WHERE a.id = $1::uuid`,
      article.id,
    );

    expect(settings.map((s) => s.method)).toEqual(Array(5).fill(lz4 ? 'l' : ''));
    const method = lz4 ? 'lz4' : 'pglz';
    expect(stored).toEqual({ body: method, html: method, snapshot: method });
  });

  it('restores the current version by the id the history lists for it', async () => {
    const article = await createViaApi(app, editor, { title: 'Only' });
    const current = (await gql(app, REVISIONS, { id: article.id, first: 1 }, editor)).data!.article.revisions.edges[0]
      .node;

    const { data, errors } = await gql(app, RESTORE, { articleId: article.id, revisionId: current.id }, editor);

    expect(current).toMatchObject({ version: 1, action: 'create', actor: 'desk-editor' });
    expect(errors).toBeUndefined();
    expect(data!.restoreArticleRevision).toMatchObject({ title: 'Only', version: 2 });
  });
});
