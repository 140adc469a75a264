// The four reads of the benchmark, as GraphQL for the API and as a path on the floor server.
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
