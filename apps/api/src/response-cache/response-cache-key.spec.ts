import { parse } from 'graphql';
import { QUERY_LIMITS, QUERY_PARSE_OPTIONS } from '../graphql/query-limits.js';
import { MAX_CACHEABLE_REQUEST_BYTES, responseCacheKey, type KeyedRequest } from './response-cache-key.js';

const QUERY = 'query($slug: String!) { article(slug: $slug) { title } }';

function post(body: unknown, headers: KeyedRequest['headers'] = {}): KeyedRequest {
  const length = Buffer.byteLength(JSON.stringify(body));
  return {
    method: 'POST',
    url: '/graphql',
    body,
    headers: { 'content-type': 'application/json', 'content-length': String(length), ...headers },
  };
}

function get(
  params: Record<string, string>,
  headers: KeyedRequest['headers'] = { 'apollo-require-preflight': 'true' },
): KeyedRequest {
  return { method: 'GET', url: `/graphql?${new URLSearchParams(params).toString()}`, headers };
}

describe('responseCacheKey', () => {
  it('is the same for query texts that differ only in whitespace, commas and comments', () => {
    const pretty = `# the article page\nquery($slug: String!) {\n  article(slug: $slug) {\n    title,\n  }\n}\n`;
    const a = responseCacheKey(post({ query: QUERY, variables: { slug: 'a' } }));
    expect(a).not.toBeNull();
    expect(responseCacheKey(post({ query: pretty, variables: { slug: 'a' } }))).toBe(a);
  });

  it("keys a query of the parser's maximum tokens, and none over it (Apollo refuses those unread)", () => {
    // `{` + n fields + `}`: n + 2 tokens.
    const query = (tokens: number) => `{ ${'id '.repeat(tokens - 2)}}`;
    expect(() => parse(query(QUERY_LIMITS.maxTokens), QUERY_PARSE_OPTIONS)).not.toThrow();
    expect(() => parse(query(QUERY_LIMITS.maxTokens + 1), QUERY_PARSE_OPTIONS)).toThrow(/tokens/);
    expect(responseCacheKey(post({ query: query(QUERY_LIMITS.maxTokens) }))).toEqual(expect.any(String));
    expect(responseCacheKey(post({ query: query(QUERY_LIMITS.maxTokens + 1) }))).toBeNull();
  });

  it('is the same for one operation sent by GET and by POST', () => {
    const byPost = responseCacheKey(post({ query: QUERY, variables: { slug: 'a' } }));
    expect(responseCacheKey(get({ query: QUERY, variables: '{ "slug": "a" }' }))).toBe(byPost);
  });

  it('differs by variables, operation name, persisted-query hash and Accept header', () => {
    const base = { query: QUERY, variables: { slug: 'a' } };
    const keys = [
      responseCacheKey(post(base)),
      responseCacheKey(post({ ...base, variables: { slug: 'b' } })),
      responseCacheKey(post({ ...base, operationName: 'Page' })),
      responseCacheKey(post({ ...base, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } })),
      responseCacheKey(post(base, { accept: 'application/graphql-response+json' })),
    ];
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keys a persisted query sent by its hash alone', () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'abc' } });
    expect(responseCacheKey(get({ extensions }))).toEqual(expect.any(String));
  });

  it('leaves to Apollo whatever is not an anonymous, well-formed query', () => {
    const refused: [string, KeyedRequest][] = [
      ['a token', post({ query: QUERY }, { authorization: 'Bearer x' })],
      ['a mutation', post({ query: 'mutation { deleteArticle(id: "x") }' })],
      [
        'a named mutation after a fragment',
        post({ query: 'fragment F on Article { id } mutation M { deleteArticle(id: "x") }' }),
      ],
      ['an unterminated string', post({ query: '{ article(slug: "a) { title } }' })],
      ['no query and no hash', post({ variables: {} })],
      ['variables as a string', post({ query: QUERY, variables: '{}' })],
      ['an unknown extension', post({ query: QUERY, extensions: { other: 1 } })],
      ['a form body', { ...post({ query: QUERY }), headers: { 'content-type': 'text/plain', 'content-length': '10' } }],
      ['a large body', post({ query: QUERY }, { 'content-length': String(MAX_CACHEABLE_REQUEST_BYTES + 1) })],
      ['a batch', post([{ query: QUERY }])],
      ['a GET without a CSRF preflight header', get({ query: QUERY }, {})],
      ['a GET with a simple content type', get({ query: QUERY }, { 'content-type': 'text/plain' })],
      [
        'a GET naming the query twice',
        { method: 'GET', url: `/graphql?query=${QUERY}&query=${QUERY}`, headers: { 'apollo-require-preflight': '1' } },
      ],
      ['a HEAD', { ...get({ query: QUERY }), method: 'HEAD' }],
    ];
    for (const [why, request] of refused) expect([why, responseCacheKey(request)]).toEqual([why, null]);
  });
});
