import type { INestApplication } from '@nestjs/common';
import type { Author, Tag } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag } from '../support/factories.js';
import { gql } from '../support/gql.js';

/**
 * Authors and tags read with the articles of a list, once for all of them (withPrefetchedRelations):
 * each article gets its own, in byline order and tags-then-categories by name, and the list keeps
 * its order, on every path that reads them (a page, a page with its count, nested pages, search,
 * one article).
 */
describe('authors and tags read with a list', () => {
  let app: INestApplication;
  const expected = new Map<string, { authors: string[]; tags: string[] }>();
  const RELATIONS = 'slug authors { name } tags { name kind }';

  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    const authors: Author[] = [];
    for (const name of ['Zoe', 'Adam', 'Mia', 'Bo']) authors.push(await createAuthor(app, { name }));
    // Names out of creation order, and categories created before tags: the order must come from
    // (kind, name), not from the rows' order.
    const tags: Tag[] = [];
    for (const [name, kind] of [
      ['World', 'CATEGORY'],
      ['Harbour', 'TAG'],
      ['Arts', 'CATEGORY'],
      ['Boats', 'TAG'],
      ['Zinc', 'TAG'],
    ] as const) {
      tags.push(await createTag(app, { name, kind }));
    }
    const byKindThenName = (list: Tag[]) =>
      [...list]
        .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'TAG' ? -1 : 1))
        .map((t) => t.name);
    for (let i = 0; i < 30; i++) {
      const byline =
        i % 5 === 0 ? [] : [authors[(i + 2) % 4]!, authors[i % 4]!].filter((a, j, all) => all.indexOf(a) === j);
      const tagged = tags.filter((_, j) => (i + j) % 3 !== 0).slice(0, i % 4 === 0 ? 0 : 5);
      const article = await createArticle(app, {
        title: `Harbour report ${i}`,
        publishedAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
        authors: byline,
        tags: tagged,
      });
      expected.set(article.slug, { authors: byline.map((a) => a.name), tags: byKindThenName(tagged) });
    }
  });
  afterAll(() => app.close());

  type Node = { slug: string; authors: { name: string }[]; tags: { name: string; kind: string }[] };
  const relationsOf = (node: Node) => ({
    authors: node.authors.map((a) => a.name),
    tags: node.tags.map((t) => t.name),
  });

  function expectOwnRelations(nodes: Node[]): void {
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes)
      expect({ slug: node.slug, ...relationsOf(node) }).toEqual({ slug: node.slug, ...expected.get(node.slug) });
  }

  async function slugsWithout(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    const { data, errors } = await gql(app, query.replace(RELATIONS, 'slug'), variables);
    expect(errors).toBeUndefined();
    return JSON.stringify(data).match(/article-\d+/g)!;
  }

  /** Reads a connection `field`, checks each node's relations and that the list keeps its order without them. */
  async function expectListRelations(
    query: string,
    field: 'articles' | 'search',
    length: number,
    variables: Record<string, unknown> = {},
  ): Promise<Node[]> {
    const { data, errors } = await gql(app, query, variables);
    expect(errors).toBeUndefined();
    const nodes: Node[] = data![field].edges.map((e: { node: Node }) => e.node);
    expect(nodes).toHaveLength(length);
    expectOwnRelations(nodes);
    expect(nodes.map((n) => n.slug)).toEqual(await slugsWithout(query, variables));
    return nodes;
  }

  it('gives each article of a page its own authors and tags, in the page order', async () => {
    const nodes = await expectListRelations(
      `{ articles(first: 25) { edges { node { ${RELATIONS} } } } }`,
      'articles',
      25,
    );
    expect(nodes.some((n) => n.authors.length === 0 && n.tags.length === 0)).toBe(true);
  });

  it('does the same for a filtered page with its count, backwards from a cursor', async () => {
    const harbour = [...expected.values()].filter((e) => e.tags.includes('Harbour')).length;
    const page = await gql(
      app,
      `query($tag: String!) { articles(first: 4, where: { tagSlugs: [$tag] }) { totalCount pageInfo { endCursor } } }`,
      { tag: await slugOfTag('Harbour') },
    );
    expect(page.data!.articles.totalCount).toBe(harbour);
    const query = `query($tag: String!, $before: String) { articles(last: 3, before: $before, where: { tagSlugs: [$tag] }) {
      totalCount edges { node { ${RELATIONS} } } } }`;
    const variables = { tag: await slugOfTag('Harbour'), before: page.data!.articles.pageInfo.endCursor };
    const nodes = await expectListRelations(query, 'articles', 3, variables);
    expect(nodes.every((n) => n.tags.some((t) => t.name === 'Harbour'))).toBe(true);
  });

  it("does the same for each tag's articles (pages of several parents in one statement)", async () => {
    const query = `{ tags(first: 10) { edges { node { name articles(first: 6) { edges { node { ${RELATIONS} } } } } } } }`;
    const { data, errors } = await gql(app, query);
    expect(errors).toBeUndefined();
    const perTag: { name: string; nodes: Node[] }[] = data!.tags.edges.map(
      (e: { node: { name: string; articles: { edges: { node: Node }[] } } }) => ({
        name: e.node.name,
        nodes: e.node.articles.edges.map((x) => x.node),
      }),
    );
    expect(perTag).toHaveLength(5);
    for (const { name, nodes } of perTag) {
      expectOwnRelations(nodes);
      expect(nodes.every((n) => n.tags.some((t) => t.name === name))).toBe(true);
    }
    expect(perTag.flatMap((t) => t.nodes.map((n) => n.slug))).toEqual(await slugsWithout(query));
  });

  it('does the same for search hits and for one article', async () => {
    await expectListRelations(
      `{ search(query: "harbour", first: 12) { edges { node { ${RELATIONS} } } } }`,
      'search',
      12,
    );

    const slug = [...expected.entries()].find(([, e]) => e.authors.length === 2 && e.tags.length > 2)![0];
    const one = await gql(app, `query($slug: String!) { article(slug: $slug) { ${RELATIONS} } }`, { slug });
    expect(one.errors).toBeUndefined();
    expectOwnRelations([one.data!.article]);
  });

  async function slugOfTag(name: string): Promise<string> {
    const { data } = await gql(app, '{ tags(first: 10) { edges { node { name slug } } } }');
    return data!.tags.edges.find((e: { node: { name: string } }) => e.node.name === name).node.slug;
  }
});
