import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp } from '../support/create-test-app.js';
import { gql } from '../support/gql.js';

// Over a thousand titles with "harbour", some of them undated (a cursor among dated articles
// then pages in two branches) or drafts (never shown to readers): what a reader's text filter
// reads through the title's trigram index or in list order, whichever the planner picks.
const DATED = 1040;
const UNDATED = 25;
const DRAFTS = 15;

const PAGE = `query($text: String!, $first: Int, $after: String, $last: Int, $before: String) {
  articles(where: { text: $text }, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { title } }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  edges: { node: { title: string } }[];
}

describe('articles(where: { text }) for readers, paged through many, few and no matching titles (issue 14)', () => {
  let app: INestApplication;
  let prisma: PrismaService;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
    // Dates repeat (ties are ordered by id); "Harbour report 1", "… 10" to "… 19", "… 100" to
    // "… 199" and "… 1000" on are the matches of "report 1".
    await prisma.$executeRaw`
      INSERT INTO "Article" (id, slug, title, body, html, status, "publishedAt")
      SELECT gen_random_uuid(), 'dated-' || i, 'Harbour report ' || i, '', '', 'PUBLISHED',
             timestamptz '2024-01-01' + (i % 400) * interval '1 hour'
      FROM generate_series(1, ${DATED}::int) i`;
    await prisma.$executeRaw`
      INSERT INTO "Article" (id, slug, title, body, html, status)
      SELECT gen_random_uuid(), 'undated-' || i, 'Undated harbour report ' || i, '', '', 'PUBLISHED'
      FROM generate_series(1, ${UNDATED}::int) i`;
    await prisma.$executeRaw`
      INSERT INTO "Article" (id, slug, title, body, html, status)
      SELECT gen_random_uuid(), 'draft-' || i, 'Draft harbour report ' || i, '', '', 'DRAFT'
      FROM generate_series(1, ${DRAFTS}::int) i`;
    await prisma.$executeRaw`ANALYZE "Article"`;
  });
  afterAll(() => app.close());

  /** The titles a reader may see that contain `text`, in list order, as plain SQL finds them. */
  async function expected(text: string): Promise<string[]> {
    const rows = await prisma.$queryRaw<{ title: string }[]>`
      SELECT title FROM "Article"
      WHERE status = 'PUBLISHED' AND ("publishedAt" IS NULL OR "publishedAt" <= now()) AND title ILIKE ${`%${text}%`}
      ORDER BY "publishedAt" DESC NULLS LAST, id DESC`;
    return rows.map((r) => r.title);
  }

  async function page(variables: Record<string, unknown>): Promise<Page> {
    const res = await gql<{ articles: Page }>(app, PAGE, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.articles;
  }

  /** Every page of `size` forwards, then the same backwards from the end. */
  async function walk(text: string, size: number): Promise<{ forwards: string[]; backwards: string[] }> {
    const forwards: string[] = [];
    let after: string | undefined;
    let last!: Page;
    do {
      last = await page({ text, first: size, after });
      forwards.push(...last.edges.map((e) => e.node.title));
      after = last.pageInfo.endCursor;
    } while (last.pageInfo.hasNextPage);
    const backwards: string[] = [];
    let before: string | undefined;
    do {
      last = await page({ text, last: size, before });
      backwards.unshift(...last.edges.map((e) => e.node.title));
      before = last.pageInfo.startCursor;
    } while (last.pageInfo.hasPreviousPage);
    return { forwards, backwards };
  }

  it.each([
    ['many titles', 'HARBOUR', DATED + UNDATED],
    ['few titles', 'report 1', 1 + 10 + 100 + (DATED - 999) + 1 + 10],
    ['no title', 'ferry', 0],
    ['titles of a text too short for a trigram', 'rt', DATED + UNDATED],
  ])('pages through %s in list order, forwards and backwards, with the right count', async (_, text, count) => {
    const all = await expected(text);
    expect(all).toHaveLength(count);
    expect((await page({ text, first: 5 })).totalCount).toBe(count);
    const { forwards, backwards } = await walk(text, 97);
    expect(forwards).toEqual(all);
    expect(backwards).toEqual(all);
  });
});
