import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import { buildSchema, getOperationAST, type GraphQLError, parse } from 'graphql';
import { queryCostPlugin } from './query-cost.plugin.js';

const schema = buildSchema(`
  input ArticleWhereInput { title: String, slug: String, AND: [ArticleWhereInput!] }
  input UpdateArticleInput { title: String, tags: [String!] }
  type Article { id: ID!, title: String, tags(first: Int): TagConnection }
  type Tag { name: String }
  type TagConnection { nodes: [Tag!]! }
  type ArticleConnection { nodes: [Article!]! }
  type Query { articles(first: Int, last: Int, where: ArticleWhereInput): ArticleConnection }
  type Mutation { updateArticle(id: ID!, input: UpdateArticleInput!, expectedVersion: Int): Article }
`);

const UPDATE = parse(`mutation($id: ID!, $input: UpdateArticleInput!, $v: Int) {
  updateArticle(id: $id, input: $input, expectedVersion: $v) { id title } }`);
const LIST = parse(`query($n: Int, $m: Int, $where: ArticleWhereInput) {
  articles(first: $n, where: $where) { nodes { title tags(first: $m) { nodes { name } } } } }`);

/** The plugin, and a function that runs its check on one request: the error it throws, or null. */
async function plugin(maxCost: number) {
  const counts = { walks: 0 };
  const instance = queryCostPlugin(maxCost, counts);
  const check = async (document: typeof UPDATE, variables: Record<string, unknown>) => {
    const listener = (await instance.requestDidStart!({} as never)) as GraphQLRequestListener<never>;
    const context = { request: { variables }, document, operation: getOperationAST(document), schema };
    try {
      await listener.didResolveOperation!(context as unknown as GraphQLRequestContextDidResolveOperation<never>);
      return null;
    } catch (error) {
      return error as GraphQLError;
    }
  };
  return { counts, check };
}

describe('queryCostPlugin', () => {
  it('walks a mutation once when only variables the cost does not read change', async () => {
    const { counts, check } = await plugin(5000);
    for (let i = 0; i < 5; i++) {
      expect(await check(UPDATE, { id: 'a1', input: { title: `Title ${i}`, tags: ['x'] }, v: i })).toBeNull();
    }
    expect(counts.walks).toBe(1);
  });

  it('still refuses a bad value of such a variable after the cost is remembered', async () => {
    const { counts, check } = await plugin(5000);
    expect(await check(UPDATE, { id: 'a1', input: { title: 'fine' } })).toBeNull();

    const nul = await check(UPDATE, { id: 'a1', input: { title: 'bad\0' } });
    const long = await check(UPDATE, { id: 'a1', input: { tags: Array.from({ length: 101 }, (_, i) => `t${i}`) } });

    expect(nul?.extensions).toMatchObject({ limit: 'strings' });
    expect(nul?.message).toContain('updateArticle(input.title)');
    expect(long?.extensions).toMatchObject({ limit: 'maxListItems' });
    expect(counts.walks).toBe(1);
  });

  it('walks again, and refuses, when a page size from a variable changes', async () => {
    const { counts, check } = await plugin(5000);
    expect(await check(LIST, { n: 10, m: 10 })).toBeNull();
    expect(await check(LIST, { n: 10, m: 10 })).toBeNull();
    expect(counts.walks).toBe(1);

    const costly = await check(LIST, { n: 100, m: 100 });

    expect(costly?.extensions).toMatchObject({ limit: 'maxCost', maxCost: 5000 });
    expect(counts.walks).toBe(2);
  });

  it('counts the conditions of a filter given as a variable, walking again when it changes', async () => {
    const { counts, check } = await plugin(1000);
    expect(await check(LIST, { n: 10, m: 10, where: { title: 'a' } })).toBeNull();

    // 2 + 10 * (2 + 10 * 2) = 222 for the pages, plus 1 per condition (times no page: the root).
    const where = { AND: Array.from({ length: 40 }, (_, i) => ({ title: `t${i}`, slug: `s${i}` })) };
    const tooMany = await check(LIST, { n: 10, m: 10, where });

    expect(tooMany?.extensions).toMatchObject({ limit: 'maxFilterConditions' });
    expect(counts.walks).toBe(2);
  });
});
