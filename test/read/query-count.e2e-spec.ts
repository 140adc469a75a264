import type { INestApplication } from '@nestjs/common';
import { ContentChanges, DatabasePool, type Author, type Tag } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag } from '../support/factories.js';
import { gql } from '../support/gql.js';

const FRONT_PAGE = `query($n: Int) { articles(first: $n) {
  totalCount edges { node { title authors { name articleCount } tags { name kind articleCount } } } } }`;
const AUTHOR_PAGES = `query($n: Int) { authors(first: $n) { edges { node { name articleCount
  articles(first: 3) { totalCount edges { node { title tags { name } } } } } } } }`;
const SEARCH = `query($n: Int) { search(query: "harbour", first: $n) { totalCount edges { score highlight node { title authors { name } tags { name } } } } }`;

/** SQL statements per request, whatever the page size: relations load in batches, never per row. */
describe('statements per request', () => {
  let app: INestApplication;
  let statements = 0;

  beforeAll(async () => {
    app = await createTestApp({ logQueries: true });
    // Counted at the process's one pool: Prisma, SqlReader, SqlPool and the job queue alike.
    app.get(DatabasePool).onQuery(() => {
      statements++;
    });
  });
  afterAll(() => app.close());

  async function seed(count: number): Promise<void> {
    await resetDb(app);
    const authors: Author[] = [];
    const tags: Tag[] = [];
    for (let i = 0; i < count; i++) authors.push(await createAuthor(app));
    for (let i = 0; i < 10; i++) tags.push(await createTag(app, { kind: i % 2 ? 'TAG' : 'CATEGORY' }));
    for (let i = 0; i < count; i++) {
      await createArticle(app, {
        title: `Harbour news ${i}`,
        authors: [authors[i]!, authors[(i + 1) % count]!],
        tags: [tags[i % 10]!, tags[(i + 3) % 10]!, tags[(i + 7) % 10]!],
      });
    }
  }

  async function countStatements(query: string, n: number): Promise<number> {
    // The next scheduled publication is looked up once per content change (once the seed's
    // notifications have arrived), not per request.
    await app.get(ContentChanges).caughtUp();
    await gql(app, '{ __typename }');
    statements = 0;
    const { data, errors } = await gql(app, query, { n });
    expect(errors).toBeUndefined();
    expect(JSON.stringify(data)).toContain('Harbour');
    return statements;
  }

  it.each([
    ['a page of articles with authors, tags and counts', FRONT_PAGE, 4],
    ["authors with their latest articles and those articles' tags", AUTHOR_PAGES, 4],
    // BEGIN with SET LOCAL enable_seqscan, the search, COMMIT (see SearchService.usingIndex).
    ['search hits with authors and tags', SEARCH, 3],
  ])(
    'is the same small number for 20 and 100 rows: %s',
    async (_name, query, bound) => {
      await seed(20);
      const for20 = await countStatements(query, 20);
      await seed(100);
      const for100 = await countStatements(query, 100);
      expect({ for20, for100 }).toEqual({ for20, for100: for20 });
      expect(for20).toBeLessThanOrEqual(bound);
    },
    60_000,
  );
});
