import type { INestApplication } from '@nestjs/common';
import type { Article, Author, Tag } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

const ARTICLES = `query($where: ArticleWhereInput) {
  articles(first: 100, where: $where, orderBy: { field: TITLE, direction: ASC }) { totalCount edges { node { title } } }
}`;

describe('articles filters', () => {
  let app: INestApplication;
  let editor: string;
  let tags: Record<'harbour' | 'ferry' | 'news', Tag>;
  let ana: Author;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    ana = await createAuthor(app, { slug: 'ana', name: 'Ana' });
    const bo = await createAuthor(app, { slug: 'bo', name: 'Bo' });
    tags = {
      harbour: await createTag(app, { slug: 'harbour' }),
      ferry: await createTag(app, { slug: 'ferry' }),
      news: await createTag(app, { slug: 'news', kind: 'CATEGORY' }),
    };
    const at = (iso: string) => new Date(iso);
    await createArticle(app, {
      title: 'A harbour and ferry',
      tags: [tags.harbour, tags.ferry],
      authors: [ana],
      publishedAt: at('2024-01-01T00:00:00Z'),
      language: 'en',
    });
    await createArticle(app, {
      title: 'B harbour only',
      tags: [tags.harbour, tags.news],
      authors: [bo],
      publishedAt: at('2024-06-01T00:00:00Z'),
      language: 'en',
    });
    await createArticle(app, {
      title: 'C ferry only',
      tags: [tags.ferry],
      authors: [ana, bo],
      publishedAt: at('2025-01-01T00:00:00Z'),
      language: 'zh',
      body: '渡轮时刻表 100%_sure',
    });
    await createArticle(app, { title: 'D untagged', publishedAt: at('2025-06-01T00:00:00Z'), body: 'Nothing to see' });
    await createArticle(app, { title: 'E draft', status: 'DRAFT', publishedAt: null, tags: [tags.harbour] });
    await createArticle(app, { title: 'F archived', status: 'ARCHIVED', tags: [tags.harbour] });
    await createArticle(app, {
      title: 'G scheduled',
      publishedAt: new Date(Date.now() + 86_400_000),
      tags: [tags.harbour],
    });
  });
  afterAll(() => app.close());

  const titles = async (where: unknown, token?: string): Promise<string[]> => {
    const { data, errors } = await gql(app, ARTICLES, { where }, token);
    expect(errors).toBeUndefined();
    expect(data!.articles.totalCount).toBe(data!.articles.edges.length);
    return data!.articles.edges.map((e: { node: Article }) => e.node.title[0]);
  };

  it.each<[string, unknown, string[]]>([
    ['any of several tag slugs', { tagSlugs: ['harbour', 'ferry'] }, ['A', 'B', 'C']],
    ['all of several tag slugs', { allTagSlugs: ['harbour', 'ferry'] }, ['A']],
    ['all of one tag slug, repeated', { allTagSlugs: ['ferry', 'ferry'] }, ['A', 'C']],
    ['a category slug (not a tag of the same slug)', { categorySlugs: ['news'] }, ['B']],
    ['a tag slug that is only a category', { tagSlugs: ['news'] }, []],
    ['an author slug', { authorSlug: 'ana' }, ['A', 'C']],
    ['published at or after', { publishedAfter: '2024-06-01T00:00:00Z' }, ['B', 'C', 'D']],
    ['published strictly before', { publishedBefore: '2024-06-01T00:00:00Z' }, ['A']],
    [
      'a publishedAt range',
      { publishedAfter: '2024-03-01T00:00:00Z', publishedBefore: '2025-03-01T00:00:00Z' },
      ['B', 'C'],
    ],
    ['language', { language: 'zh' }, ['C']],
    ['text in the title, any case', { text: 'HARBOUR' }, ['A', 'B']],
    ['text in the title with LIKE wildcards taken literally', { text: 'C ferry%' }, []],
    ['text with wildcards that do not occur', { text: '%_%' }, []],
    ['OR of filters', { OR: [{ authorSlug: 'bo' }, { text: 'untagged' }] }, ['B', 'C', 'D']],
    ['NOT a filter', { NOT: { tagSlugs: ['harbour'] } }, ['C', 'D']],
    ['AND of filters', { AND: [{ tagSlugs: ['ferry'] }, { NOT: { authorSlug: 'bo' } }] }, ['A']],
    ['fields and OR together', { tagSlugs: ['harbour'], OR: [{ language: 'zh' }, { categorySlugs: ['news'] }] }, ['B']],
    ['an empty OR', { OR: [] }, []],
    ['an empty filter', {}, ['A', 'B', 'C', 'D']],
  ])('filters by %s', async (_name, where, expected) => {
    expect(await titles(where)).toEqual(expected);
  });

  it('never shows anonymous readers drafts, archived or scheduled articles, whatever the filter', async () => {
    expect(await titles({ tagSlugs: ['harbour'] })).toEqual(['A', 'B']);
    expect(await titles({ NOT: { status: ['PUBLISHED'] } })).toEqual([]);
    expect(await titles({ OR: [{ NOT: { authorSlug: 'nobody' } }, { text: 'draft' }] })).toEqual(['A', 'B', 'C', 'D']);
  });

  it('matches text in bodies for editors only: anonymous readers match titles (issue 14)', async () => {
    expect(await titles({ text: '时刻表' }, editor)).toEqual(['C']);
    expect(await titles({ text: '100%_s' }, editor)).toEqual(['C']);
    expect(await titles({ text: '100%_x' }, editor)).toEqual([]);
    expect(await titles({ text: '时刻表' })).toEqual([]);
    expect(await titles({ text: '100%_s' })).toEqual([]);
    expect(await titles({ text: 'ferry only' })).toEqual(['C']);
  });

  it('lets editors filter on every status and see scheduled articles', async () => {
    expect(await titles({ status: ['DRAFT', 'ARCHIVED'] }, editor)).toEqual(['E', 'F']);
    expect(await titles({ tagSlugs: ['harbour'] }, editor)).toEqual(['A', 'B', 'E', 'F', 'G']);
    expect(await titles({ status: ['PUBLISHED'], publishedAfter: '2025-03-01T00:00:00Z' }, editor)).toEqual(['D', 'G']);
  });

  it('refuses unpublished statuses from anonymous readers with BAD_USER_INPUT naming the field', async () => {
    const top = await gql(app, ARTICLES, { where: { status: ['DRAFT'] } });
    const nested = await gql(app, ARTICLES, {
      where: { OR: [{ tagSlugs: ['x'] }, { NOT: { status: ['ARCHIVED'] } }] },
    });
    expect(top.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.status' });
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.OR.1.NOT.status' });
  });

  it('refuses a malformed filter with BAD_USER_INPUT', async () => {
    const { errors } = await gql(app, ARTICLES, { where: { language: 'x' } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('finds one article by id or slug, and hides what the viewer may not see', async () => {
    const draft = await createArticle(app, { slug: 'hidden', status: 'DRAFT', publishedAt: null });
    const query = 'query($id: ID, $slug: String) { article(id: $id, slug: $slug) { slug body tags { slug } } }';
    expect((await gql(app, query, { slug: 'hidden' })).data!.article).toBeNull();
    expect((await gql(app, query, { id: draft.id }, editor)).data!.article.slug).toBe('hidden');
    const published = await createArticle(app, { slug: 'shown', tags: [tags.ferry] });
    expect((await gql(app, query, { id: published.id })).data!.article).toEqual({
      slug: 'shown',
      body: published.body,
      tags: [{ slug: 'ferry' }],
    });
  });
});
