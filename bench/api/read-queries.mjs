// The four reads of the benchmark, as GraphQL for the API and as a path on the floor server.
import pg from 'pg';
import { encodeCursor } from '@pressroom/common';
import { RARE_WORD } from './read-data.mjs';
export const SLUG = 'article-1001';
export const TAG = 'tag-1';
export const WORD = '阿富汗';

export const QUERIES = {
  Q1: {
    about: '20 latest published articles with authors and tags',
    graphql: {
      query:
        '{ articles(first: 20) { edges { node { id slug title publishedAt authors { name slug } tags { name slug kind } } } } }',
    },
    floor: '/q1',
  },
  Q2: {
    about: 'one article by slug, with its body',
    graphql: {
      query: 'query($slug: String!) { article(slug: $slug) { id slug title publishedAt body html } }',
      variables: { slug: SLUG },
    },
    floor: `/q2?slug=${SLUG}`,
  },
  Q3: {
    about: '20 articles of a tag, with totalCount',
    graphql: {
      query:
        'query($tag: String!) { articles(first: 20, where: { tagSlugs: [$tag] }) { totalCount edges { node { id slug title publishedAt } } } }',
      variables: { tag: TAG },
    },
    floor: `/q3?tag=${TAG}`,
  },
  Q4: {
    about: `search for a Chinese word (${WORD}), with totalCount`,
    graphql: {
      query:
        'query($q: String!) { search(query: $q, first: 20) { totalCount edges { score node { id slug title publishedAt } } } }',
      variables: { q: WORD },
    },
    floor: `/q4?q=${encodeURIComponent(WORD)}`,
  },
};

// Issue 14's reads at scale (read-bench.mjs --scale): besides Q1-Q3, the API alone.
export const COMMON_WORD = '记者';
export const TEXT = '阿富汗';
// Two common words that also occur side by side (经济发展): the bigrams 经济, 济发 and 发展.
export const CJK3_WORD = '经济发展';

const SEARCH =
  'query($q: String!) { search(query: $q, first: 20) { totalCount totalCountIsEstimate edges { score node { id slug title publishedAt } } } }';

export const SCALE_QUERIES = {
  Q1: QUERIES.Q1,
  Q2: QUERIES.Q2,
  Q3: QUERIES.Q3,
  SEARCH_RARE: {
    about: `search for a rare word (${RARE_WORD}: 1 article in 5,000), with totalCount`,
    graphql: { query: SEARCH, variables: { q: RARE_WORD } },
  },
  SEARCH_COMMON: {
    about: `search for a word in most articles (${COMMON_WORD}), with totalCount`,
    graphql: { query: SEARCH, variables: { q: COMMON_WORD } },
  },
  SEARCH_CJK3: {
    about: `search for a four-character word of three bigrams (${CJK3_WORD}), with totalCount`,
    graphql: { query: SEARCH, variables: { q: CJK3_WORD } },
  },
  DEEP: { about: 'page 500 (20 a page) of the front page, by its cursor' },
  TEXT: {
    about: `articles(where: { text: "${TEXT}" }), 20 latest, anonymous (titles)`,
    graphql: {
      query:
        'query($t: String!) { articles(first: 20, where: { text: $t }) { edges { node { id slug title publishedAt } } } }',
      variables: { t: TEXT },
    },
  },
};

/** DEEP: the front page's page `page`, with the cursor a reader paging there would hold. */
export async function pageCursorQuery(databaseUrl, page) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // An archive too small for the page gets its last full page.
  const visible = `FROM "Article" a WHERE a.status = 'PUBLISHED' AND (a."publishedAt" IS NULL OR a."publishedAt" <= now())`;
  const { rows } = await client.query(
    `SELECT "publishedAt", id ${visible} ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC
     OFFSET LEAST($1::int, (SELECT count(*) ${visible}) - 21) LIMIT 1`,
    [(page - 1) * 20 - 1],
  );
  await client.end();
  const after = encodeCursor(['publishedAt', rows[0].publishedAt?.toISOString() ?? null, rows[0].id]);
  return {
    ...SCALE_QUERIES.DEEP,
    graphql: {
      query:
        'query($after: String) { articles(first: 20, after: $after) { edges { node { id slug title publishedAt } } } }',
      variables: { after },
    },
  };
}
