import type { INestApplication } from '@nestjs/common';
import type { Article } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

const ARTICLES = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: ArticleOrderByInput) {
  articles(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
  }
}`;

type Field = 'PUBLISHED_AT' | 'UPDATED_AT' | 'TITLE';
type Direction = 'ASC' | 'DESC';

/** The order the API promises: the field (NULL after every date), then id, both in `direction`. */
function expectedOrder(rows: Article[], field: Field, direction: Direction): string[] {
  const key = (a: Article): string | number =>
    field === 'TITLE'
      ? a.title
      : field === 'UPDATED_AT'
        ? a.updatedAt.getTime()
        : (a.publishedAt?.getTime() ?? -Infinity); // undated sorts as the oldest (issue 12)
  const sign = direction === 'ASC' ? 1 : -1;
  const compare = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  return [...rows].sort((a, b) => sign * (compare(key(a), key(b)) || compare(a.id, b.id))).map((a) => a.id);
}

describe('articles pagination', () => {
  let app: INestApplication;
  let editor: string;
  let rows: Article[];

  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    const tie = new Date('2025-05-05T05:05:05Z');
    const updated = new Date('2025-06-01T00:00:00Z');
    rows = [];
    for (let i = 0; i < 11; i++) {
      rows.push(
        await createArticle(app, {
          title: i % 3 === 0 ? 'Same title' : `Title ${String.fromCharCode(75 - i)}`,
          publishedAt: i < 4 ? tie : i < 7 ? new Date(Date.UTC(2024, i, 1)) : null,
          status: i < 7 ? 'PUBLISHED' : 'DRAFT',
          updatedAt: i % 2 ? updated : new Date(Date.UTC(2025, 0, i + 1)),
        }),
      );
    }
  });
  afterAll(() => app.close());

  async function page(variables: Record<string, unknown>, token = editor) {
    const { data, errors } = await gql(app, ARTICLES, variables, token);
    expect(errors).toBeUndefined();
    return data!.articles;
  }

  async function walkForward(orderBy: unknown, size: number): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const p: any = await page({ first: size, after, orderBy });
      ids.push(...p.edges.map((e: any) => e.node.id));
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!p.pageInfo.hasNextPage) return ids;
      after = p.pageInfo.endCursor;
    }
    throw new Error('no last page');
  }

  async function walkBackward(orderBy: unknown, size: number): Promise<string[]> {
    const ids: string[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const p: any = await page({ last: size, before, orderBy });
      ids.unshift(...p.edges.map((e: any) => e.node.id));
      if (!p.pageInfo.hasPreviousPage) return ids;
      before = p.pageInfo.startCursor;
    }
    throw new Error('no first page');
  }

  describe.each<[Field, Direction]>([
    ['PUBLISHED_AT', 'DESC'],
    ['PUBLISHED_AT', 'ASC'],
    ['UPDATED_AT', 'DESC'],
    ['UPDATED_AT', 'ASC'],
    ['TITLE', 'ASC'],
    ['TITLE', 'DESC'],
  ])('ordered by %s %s', (field, direction) => {
    const orderBy = { field, direction };

    it('walks forwards across page boundaries, ties and undated drafts included, each article once', async () => {
      const expected = expectedOrder(rows, field, direction);
      expect(await walkForward(orderBy, 2)).toEqual(expected);
      expect(await walkForward(orderBy, 3)).toEqual(expected);
    });

    it('walks backwards to the same order', async () => {
      const expected = expectedOrder(rows, field, direction);
      expect(await walkBackward(orderBy, 2)).toEqual(expected);
      expect(await walkBackward(orderBy, 4)).toEqual(expected);
    });
  });

  it('orders newest published first by default, hiding drafts from anonymous readers', async () => {
    const anonymous = await page({ first: 100 }, '');
    const published = rows.filter((r) => r.status === 'PUBLISHED');
    expect(anonymous.totalCount).toBe(published.length);
    expect(anonymous.edges.map((e: any) => e.node.id)).toEqual(expectedOrder(published, 'PUBLISHED_AT', 'DESC'));
  });

  it('pages from a cursor in the middle both ways', async () => {
    const expected = expectedOrder(rows, 'PUBLISHED_AT', 'DESC');
    const all = await page({ first: 100 });
    const middle = all.edges[5].cursor;
    const next = await page({ first: 3, after: middle });
    const previous = await page({ last: 3, before: middle });
    expect(next.edges.map((e: any) => e.node.id)).toEqual(expected.slice(6, 9));
    expect(previous.edges.map((e: any) => e.node.id)).toEqual(expected.slice(2, 5));
    expect(previous.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('returns 20 articles when no page size is given, and none for first: 0', async () => {
    for (let i = 0; i < 12; i++) await createArticle(app, { title: `Extra ${i}` });
    const defaults = await page({});
    const empty = await page({ first: 0 });
    expect(defaults.edges).toHaveLength(20);
    expect(defaults.pageInfo.hasNextPage).toBe(true);
    expect(empty.edges).toEqual([]);
    expect(empty.totalCount).toBe(23);
  });

  it.each([
    ['first with last', { first: 1, last: 1 }, 'first'],
    ['after with before', { first: 1, after: 'x', before: 'y' }, 'after'],
    ['a cursor of another order', { first: 1, orderBy: { field: 'TITLE', direction: 'ASC' } }, 'after'],
    ['a negative page size', { first: -1 }, 'first'],
    ['a page of 101', { last: 101 }, 'last'],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables, field) => {
    const first = await page({ first: 1 });
    const vars: Record<string, unknown> = { ...variables };
    if ('orderBy' in vars) vars.after = first.pageInfo.endCursor;
    const { errors } = await gql(app, ARTICLES, vars, editor);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
