import type { INestApplication } from '@nestjs/common';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

describe('authors and tags with their articles', () => {
  let app: INestApplication;
  let editor: string;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    const ana = await createAuthor(app, { slug: 'ana', name: 'Ana' });
    const bo = await createAuthor(app, { slug: 'bo', name: 'Bo' });
    await createAuthor(app, { slug: 'ana-2', name: 'Ana' });
    const harbour = await createTag(app, { slug: 'harbour', name: 'Harbour' });
    const harbourCategory = await createTag(app, { slug: 'harbour', name: 'Harbour', kind: 'CATEGORY' });
    await createTag(app, { slug: 'empty', name: 'Empty' });
    for (let i = 1; i <= 5; i++) {
      await createArticle(app, {
        title: `Ana ${i}`,
        authors: [ana],
        tags: [harbour],
        publishedAt: new Date(Date.UTC(2025, 0, i)),
      });
    }
    await createArticle(app, {
      title: 'Both',
      authors: [bo, ana],
      tags: [harbourCategory],
      publishedAt: new Date(Date.UTC(2025, 1, 1)),
    });
    await createArticle(app, {
      title: 'Ana draft',
      authors: [ana],
      tags: [harbour],
      status: 'DRAFT',
      publishedAt: null,
    });
  });
  afterAll(() => app.close());

  it("pages an author's visible articles, newest first, with counts", async () => {
    const query = `query($after: String) { author(slug: "ana") {
      name articleCount
      articles(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } }
    } }`;
    const first = await gql(app, query);
    const second = await gql(app, query, { after: first.data!.author.articles.pageInfo.endCursor });
    expect(first.errors).toBeUndefined();
    expect(first.data!.author).toMatchObject({ name: 'Ana', articleCount: 6, articles: { totalCount: 6 } });
    expect(first.data!.author.articles.edges.map((e: any) => e.node.title)).toEqual(['Both', 'Ana 5']);
    expect(second.data!.author.articles.edges.map((e: any) => e.node.title)).toEqual(['Ana 4', 'Ana 3']);
    const asEditor = await gql(
      app,
      'query { author(slug: "ana") { articleCount articles(where: { status: [DRAFT] }) { totalCount } } }',
      {},
      editor,
    );
    expect(asEditor.data!.author).toEqual({ articleCount: 7, articles: { totalCount: 1 } });
  });

  it("pages a tag's or a category's articles, filtered like articles", async () => {
    const query = `query($kind: TagKind!) { tag(slug: "harbour", kind: $kind) {
      kind articleCount articles(first: 10, where: { publishedAfter: "2025-01-03T00:00:00Z" }) { totalCount edges { node { title } } }
    } }`;
    const tag = await gql(app, query, { kind: 'TAG' });
    const category = await gql(app, query, { kind: 'CATEGORY' });
    expect(tag.data!.tag).toEqual({
      kind: 'TAG',
      articleCount: 5,
      articles: { totalCount: 3, edges: ['Ana 5', 'Ana 4', 'Ana 3'].map((title) => ({ node: { title } })) },
    });
    expect(category.data!.tag).toEqual({
      kind: 'CATEGORY',
      articleCount: 1,
      articles: { totalCount: 1, edges: [{ node: { title: 'Both' } }] },
    });
  });

  it('lists authors by name with article counts, ties on name paged in a stable order', async () => {
    const query = `query($after: String) { authors(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { slug articleCount } } } }`;
    const seen: { slug: string; articleCount: number }[] = [];
    let after: string | null = null;
    do {
      const { data }: any = await gql(app, query, { after });
      seen.push(...data.authors.edges.map((e: any) => e.node));
      expect(data.authors.totalCount).toBe(3);
      after = data.authors.pageInfo.hasNextPage ? data.authors.pageInfo.endCursor : null;
    } while (after);
    expect(seen.map((a) => a.slug).sort()).toEqual(['ana', 'ana-2', 'bo']);
    expect(seen.map((a) => a.articleCount)).toEqual(seen[0]!.slug === 'ana' ? [6, 0, 1] : [0, 6, 1]);
  });

  it('lists tags filtered by kind, with article counts', async () => {
    const query = `query($kind: TagKind) { tags(kind: $kind) { totalCount edges { node { slug kind articleCount } } } }`;
    const tags = await gql(app, query, { kind: 'TAG' });
    const all = await gql(app, query, {});
    expect(tags.data!.tags).toEqual({
      totalCount: 2,
      edges: [
        { node: { slug: 'empty', kind: 'TAG', articleCount: 0 } },
        { node: { slug: 'harbour', kind: 'TAG', articleCount: 5 } },
      ],
    });
    expect(all.data!.tags.totalCount).toBe(3);
  });

  it('pages the articles of many authors in one request', async () => {
    const { data, errors } = await gql(
      app,
      `{ authors(first: 10) { edges { node { slug articles(first: 1) { edges { node { title } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const latest = Object.fromEntries(
      data!.authors.edges.map((e: any) => [e.node.slug, e.node.articles.edges.map((a: any) => a.node.title)]),
    );
    expect(latest).toEqual({ ana: ['Both'], 'ana-2': [], bo: ['Both'] });
  });

  it('refuses a cursor of another list', async () => {
    const articles = await gql(app, '{ articles(first: 1) { pageInfo { endCursor } } }');
    const { errors } = await gql(app, 'query($a: String) { tags(first: 1, after: $a) { totalCount } }', {
      a: articles.data!.articles.pageInfo.endCursor,
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
