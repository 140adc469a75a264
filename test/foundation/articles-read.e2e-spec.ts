import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

const ARTICLES = `query($first: Int, $after: String, $last: Int, $before: String, $where: ArticleWhereInput) {
  articles(first: $first, after: $after, last: $last, before: $before, where: $where) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id slug title status authors { name } tags { name kind } } }
  }
}`;

describe('articles (read)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  it('returns published articles newest first with authors in byline order and tags', async () => {
    const [ana, bo] = [await createAuthor(app, { name: 'Ana' }), await createAuthor(app, { name: 'Bo' })];
    const news = await createTag(app, { name: 'News', slug: 'news', kind: 'CATEGORY' });
    await createArticle(app, { title: 'Older', publishedAt: new Date('2024-01-01T00:00:00Z') });
    await createArticle(app, {
      title: 'Newer',
      publishedAt: new Date('2025-01-01T00:00:00Z'),
      authors: [bo!, ana!],
      tags: [news],
    });

    const { data, errors } = await gql(app, ARTICLES, { first: 5 });

    expect(errors).toBeUndefined();
    expect(data!.articles.totalCount).toBe(2);
    const [first, second] = data!.articles.edges.map((e: any) => e.node);
    expect(first.title).toBe('Newer');
    expect(first.authors.map((a: any) => a.name)).toEqual(['Bo', 'Ana']);
    expect(first.tags).toEqual([{ name: 'News', kind: 'CATEGORY' }]);
    expect(second.title).toBe('Older');
  });

  it('hides drafts and scheduled articles from anonymous readers but shows them to editors', async () => {
    await createArticle(app, { title: 'Live' });
    const draft = await createArticle(app, { title: 'Draft', status: 'DRAFT', publishedAt: null });
    await createArticle(app, { title: 'Scheduled', publishedAt: new Date(Date.now() + 3_600_000) });
    const editor = await createToken(app, 'EDITOR');

    const anonymous = await gql(app, ARTICLES, { first: 10 });
    const asEditor = await gql(app, ARTICLES, { first: 10 }, editor);
    const draftAnon = await gql(app, 'query($id: ID!) { article(id: $id) { id } }', { id: draft.id });

    expect(anonymous.data!.articles.edges.map((e: any) => e.node.title)).toEqual(['Live']);
    expect(asEditor.data!.articles.totalCount).toBe(3);
    expect(draftAnon.data!.article).toBeNull();
  });

  it('walks every page forwards and backwards exactly once, ties on publishedAt included', async () => {
    const sameMoment = new Date('2025-05-05T05:05:05Z');
    for (let i = 0; i < 7; i++)
      await createArticle(app, { publishedAt: i < 4 ? sameMoment : new Date(Date.UTC(2025, 0, i)) });

    const forward: string[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: any } = await gql(app, ARTICLES, { first: 2, after });
      forward.push(...data!.articles.edges.map((e: any) => e.node.id));
      after = data!.articles.pageInfo.hasNextPage ? data!.articles.pageInfo.endCursor : null;
    } while (after);

    const backward: string[] = [];
    let before: string | null = null;
    do {
      const { data }: { data?: any } = await gql(app, ARTICLES, { last: 3, before });
      backward.unshift(...data!.articles.edges.map((e: any) => e.node.id));
      before = data!.articles.pageInfo.hasPreviousPage ? data!.articles.pageInfo.startCursor : null;
    } while (before);

    expect(new Set(forward).size).toBe(7);
    expect(forward).toHaveLength(7);
    expect(backward).toEqual(forward);
  });

  it('filters by tag, category and author slug', async () => {
    const ana = await createAuthor(app, { slug: 'ana' });
    const tag = await createTag(app, { slug: 'harbour' });
    const category = await createTag(app, { slug: 'harbour', kind: 'CATEGORY', name: 'Harbour' });
    await createArticle(app, { title: 'Tagged', tags: [tag], authors: [ana] });
    await createArticle(app, { title: 'Categorised', tags: [category] });
    await createArticle(app, { title: 'Plain' });

    const byTag = await gql(app, ARTICLES, { first: 10, where: { tagSlugs: ['harbour'] } });
    const byCategory = await gql(app, ARTICLES, { first: 10, where: { categorySlugs: ['harbour'] } });
    const byAuthor = await gql(app, ARTICLES, { first: 10, where: { authorSlug: 'ana' } });

    expect(byTag.data!.articles.edges.map((e: any) => e.node.title)).toEqual(['Tagged']);
    expect(byCategory.data!.articles.edges.map((e: any) => e.node.title)).toEqual(['Categorised']);
    expect(byAuthor.data!.articles.edges.map((e: any) => e.node.title)).toEqual(['Tagged']);
  });

  it('refuses a page larger than 100 and a malformed cursor with BAD_USER_INPUT', async () => {
    const big = await gql(app, ARTICLES, { first: 101 });
    const badCursor = await gql(app, ARTICLES, { first: 1, after: '%%%' });

    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.extensions?.field).toBe('first');
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown token with UNAUTHENTICATED', async () => {
    const { errors } = await gql(app, ARTICLES, { first: 1 }, 'prs_not-a-real-token');
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reports readiness once migrations are applied', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
  });
});
