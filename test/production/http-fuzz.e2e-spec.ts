import type { INestApplication } from '@nestjs/common';
import type { Response } from 'superagent';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';

type Who = 'anonymous' | 'bad-token' | 'editor' | 'admin';

interface Case {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  path: string;
  contentType?: string;
  body?: string | Buffer;
  who?: Who;
  /** Sent as a GraphQL client would, past Apollo's CSRF check. */
  preflighted?: boolean;
}

const json = (value: unknown) => JSON.stringify(value);
const gql = (body: unknown, extra: Partial<Case> = {}): Partial<Case> => ({
  path: '/graphql',
  contentType: 'application/json',
  body: typeof body === 'string' ? body : json(body),
  ...extra,
});
const multipart = (parts: string, boundary = 'fuzz') => ({
  contentType: `multipart/form-data; boundary=${boundary}`,
  body: parts.replace(/\n/g, '\r\n'),
});
const ARTICLES = 'query($n: Int) { articles(first: $n) { totalCount } }';
const BIG = '9'.repeat(400);

const GRAPHQL_CASES: [string, Partial<Case>][] = [
  ['invalid JSON', gql('{bad')],
  ['truncated JSON', gql('{"query":')],
  ['empty body', gql('')],
  ['JSON null', gql('null')],
  ['JSON number', gql('123')],
  ['JSON string', gql('"{ __typename }"')],
  ['JSON array', gql('[1, 2]')],
  ['empty array', gql('[]')],
  ['batch array', gql([{ query: '{ __typename }' }, { query: '{ __typename }' }])],
  ['nested arrays', gql('[[[[[]]]]]')],
  ['deep JSON', gql('{"query":"{ __typename }","variables":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5001))],
  [
    'very deep JSON',
    gql('{"query":"{ __typename }","variables":{"a":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}}'),
  ],
  [
    'deep JSON scalar',
    gql(
      `{"query":"mutation($f: JSON) { createArticle(input: { title: \\"t\\", frontMatter: $f }) { id } }","variables":{"f":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
      { who: 'editor' },
    ),
  ],
  ['query as number', gql({ query: 42 })],
  ['query as object', gql({ query: { kind: 'Document' } })],
  ['query as array', gql({ query: ['{ __typename }'] })],
  ['query as null', gql({ query: null })],
  ['no query', gql({})],
  ['empty query', gql({ query: '' })],
  ['syntax error', gql({ query: '{' })],
  ['lexer error', gql({ query: '{ "unterminated }' })],
  ['validation error', gql({ query: '{ nope }' })],
  ['variables as string', gql({ query: ARTICLES, variables: '{"n": 1}' })],
  ['variables as array', gql({ query: ARTICLES, variables: [1] })],
  ['variables as number', gql({ query: ARTICLES, variables: 5 })],
  ['extensions as string', gql({ query: '{ __typename }', extensions: 'x' })],
  ['extensions as array', gql({ query: '{ __typename }', extensions: [] })],
  ['bad persisted query', gql({ extensions: { persistedQuery: { version: 2, sha256Hash: 1 } } })],
  [
    'persisted query hash mismatch',
    gql({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } }),
  ],
  ['operationName mismatch', gql({ query: 'query A { __typename }', operationName: 'B' })],
  ['operationName as number', gql({ query: 'query A { __typename }', operationName: 7 })],
  ['two operations, no name', gql({ query: 'query A { __typename } query B { __typename }' })],
  ['unknown body fields', gql({ query: '{ __typename }', foo: 1, __proto__: { x: 1 } })],
  ['prototype keys', gql('{"query":"{ __typename }","__proto__":{"polluted":1},"constructor":{"prototype":{}}}')],
  ['variable of the wrong type', gql({ query: ARTICLES, variables: { n: 'ten' } })],
  ['variable as object', gql({ query: ARTICLES, variables: { n: { $gt: 1 } } })],
  ['huge int variable', gql(`{"query":${json(ARTICLES)},"variables":{"n":${BIG}}}`)],
  ['int beyond 32 bits', gql({ query: ARTICLES, variables: { n: 2 ** 31 } })],
  ['negative page size', gql({ query: ARTICLES, variables: { n: -1 } })],
  ['float page size', gql({ query: ARTICLES, variables: { n: 1.5 } })],
  ['huge int literal', gql({ query: `{ articles(first: ${BIG}) { totalCount } }` })],
  ['huge float literal', gql({ query: `{ articles(first: 1e400) { totalCount } }` })],
  ['undeclared variable', gql({ query: '{ articles(first: $n) { totalCount } }' })],
  ['bad cursor', gql({ query: '{ articles(first: 1, after: "%%%") { totalCount } }' })],
  ['bad cursor base64', gql({ query: '{ articles(first: 1, after: "eyJ4Ijo=") { totalCount } }' })],
  ['bad UUID', gql({ query: '{ article(id: "not-a-uuid") { id } }' })],
  ['bad UUID, editor', gql({ query: '{ article(id: "123") { id } }' }, { who: 'editor' })],
  ['bad UUID in a mutation', gql({ query: 'mutation { deleteArticle(id: "zzz") }' }, { who: 'editor' })],
  [
    'bad UUID in an update',
    gql({ query: 'mutation { updateArticle(id: "x", input: { title: "t" }) { id } }' }, { who: 'editor' }),
  ],
  ['bad UUID for an import job', gql({ query: '{ importJob(id: "../etc") { id } }' }, { who: 'admin' })],
  ['unknown enum', gql({ query: '{ articles(first: 1, where: { status: NOPE }) { totalCount } }' }, { who: 'editor' })],
  ['NUL in a string', gql({ query: '{ article(slug: "a\\u0000b") { id } }' })],
  ['NUL in a variable', gql({ query: 'query($s: String!) { article(slug: $s) { id } }', variables: { s: '\u0000' } })],
  [
    'NUL in a mutation',
    gql({ query: 'mutation { createTag(input: { name: "a\\u0000b" }) { id } }' }, { who: 'editor' }),
  ],
  [
    'NUL in an article',
    gql(
      {
        query: 'mutation($t: String!) { createArticle(input: { title: $t, body: $t }) { id } }',
        variables: { t: 'x\u0000' },
      },
      { who: 'editor' },
    ),
  ],
  [
    'NUL in a search',
    gql({ query: 'query($s: String!) { search(query: $s) { totalCount } }', variables: { s: '\u0000' } }),
  ],
  ['lone surrogate', gql('{"query":"{ article(slug: \\"\\ud800\\") { id } }"}')],
  [
    'lone surrogate variable',
    gql('{"query":"query($s: String!) { search(query: $s) { totalCount } }","variables":{"s":"\\udfff"}}'),
  ],
  ['unicode garbage', gql({ query: '{ ｛ ‮ __typename 💥 }' })],
  ['invalid UTF-8', gql(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]))],
  ['UTF-16 BOM', gql(Buffer.from('\ufeff{"query":"{ __typename }"}', 'utf16le'))],
  ['bad search text', gql({ query: '{ search(query: "&|!():*<->\'\\\\") { totalCount } }' })],
  [
    'very long slug',
    gql({ query: 'query($s: String!) { article(slug: $s) { id } }', variables: { s: 'x'.repeat(100_000) } }),
  ],
  [
    'deep query',
    gql({
      query:
        '{ articles { edges { node { authors { articles { edges { node { authors { articles { edges { node { id } } } } } } } } } } } }',
    }),
  ],
  ['many aliases', gql({ query: `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: __typename`).join(' ')} }` })],
  ['too many tokens', gql({ query: `{ ${'__typename '.repeat(3000)} }` })],
  ['mutation as anonymous', gql({ query: 'mutation { createTag(input: { name: "x" }) { id } }' })],
  ['input of the wrong shape', gql({ query: 'mutation { createTag(input: "x") { id } }' }, { who: 'editor' })],
  ['bad token', gql({ query: '{ __typename }' }, { who: 'bad-token' })],
  ['text/plain', { path: '/graphql', contentType: 'text/plain', body: json({ query: '{ __typename }' }) }],
  [
    'form-urlencoded',
    { path: '/graphql', contentType: 'application/x-www-form-urlencoded', body: 'query=%7B__typename%7D' },
  ],
  ['application/xml', { path: '/graphql', contentType: 'application/xml', body: '<query/>', preflighted: true }],
  [
    'application/graphql',
    { path: '/graphql', contentType: 'application/graphql', body: '{ __typename }', preflighted: true },
  ],
  [
    'unknown charset',
    { path: '/graphql', contentType: 'application/json; charset=utf-7', body: '{}', preflighted: true },
  ],
  [
    'latin1 charset',
    { path: '/graphql', contentType: 'application/json; charset=latin1', body: '{"query":"{ __typename }"}' },
  ],
  ['malformed content type', { path: '/graphql', contentType: 'application/json; ;;=', body: '{}', preflighted: true }],
  [
    'multipart to /graphql',
    {
      path: '/graphql',
      ...multipart('--fuzz\nContent-Disposition: form-data; name="operations"\n\n{}\n--fuzz--\n'),
      preflighted: true,
    },
  ],
  ['GET without a query', { method: 'GET', path: '/graphql', preflighted: true }],
  [
    'GET with bad variables',
    { method: 'GET', path: `/graphql?query=${encodeURIComponent(ARTICLES)}&variables=%7Bbad`, preflighted: true },
  ],
  [
    'GET with bad extensions',
    { method: 'GET', path: '/graphql?query=%7B__typename%7D&extensions=%5B1%5D', preflighted: true },
  ],
  ['GET with a bad escape', { method: 'GET', path: '/graphql?query=%ff%fe', preflighted: true }],
  ['GET with repeated query', { method: 'GET', path: '/graphql?query=a&query=b', preflighted: true }],
  [
    'GET with a mutation',
    {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { deleteArticle(id: "x") }')}`,
      preflighted: true,
    },
  ],
  ['GET as a browser', { method: 'GET', path: '/graphql' }],
  [
    'PUT',
    { method: 'PUT', path: '/graphql', contentType: 'application/json', body: json({ query: '{ __typename }' }) },
  ],
  ['DELETE', { method: 'DELETE', path: '/graphql' }],
  ['PATCH', { method: 'PATCH', path: '/graphql', contentType: 'application/json', body: '{}' }],
  ['IDE asset with NUL', { method: 'GET', path: '/graphql-ide/%00' }],
  ['IDE asset escaping', { method: 'GET', path: '/graphql-ide/..%2f..%2fpackage.json' }],
];

const MISSING_JOB = '/admin/imports/00000000-0000-4000-8000-000000000000';
const ADMIN_CASES: [string, Partial<Case>][] = [
  ['upload without a token', { method: 'POST', path: '/admin/imports' }],
  ['upload with a bad token', { method: 'POST', path: '/admin/imports', who: 'bad-token', ...multipart('garbage') }],
  ['upload as editor', { method: 'POST', path: '/admin/imports', who: 'editor' }],
  ['upload without a body', { method: 'POST', path: '/admin/imports', who: 'admin' }],
  [
    'upload as JSON',
    { method: 'POST', path: '/admin/imports', who: 'admin', contentType: 'application/json', body: '{"files":[]}' },
  ],
  [
    'upload as invalid JSON',
    { method: 'POST', path: '/admin/imports', who: 'admin', contentType: 'application/json', body: '{' },
  ],
  [
    'upload as text',
    { method: 'POST', path: '/admin/imports', who: 'admin', contentType: 'text/plain', body: 'hello' },
  ],
  ['multipart garbage', { method: 'POST', path: '/admin/imports', who: 'admin', ...multipart('garbage') }],
  [
    'multipart without boundary',
    { method: 'POST', path: '/admin/imports', who: 'admin', contentType: 'multipart/form-data', body: 'x' },
  ],
  [
    'multipart truncated',
    {
      method: 'POST',
      path: '/admin/imports',
      who: 'admin',
      ...multipart('--fuzz\nContent-Disposition: form-data; name="files"; filename="a.md"\n\n# hi'),
    },
  ],
  [
    'multipart, wrong field',
    {
      method: 'POST',
      path: '/admin/imports',
      who: 'admin',
      ...multipart('--fuzz\nContent-Disposition: form-data; name="other"; filename="a.md"\n\n# hi\n--fuzz--\n'),
    },
  ],
  [
    'multipart, files as text',
    {
      method: 'POST',
      path: '/admin/imports',
      who: 'admin',
      ...multipart('--fuzz\nContent-Disposition: form-data; name="files"\n\nnot a file\n--fuzz--\n'),
    },
  ],
  ['multipart, no parts', { method: 'POST', path: '/admin/imports', who: 'admin', ...multipart('--fuzz--\n') }],
  [
    'multipart, bad dryRun',
    {
      method: 'POST',
      path: '/admin/imports',
      who: 'admin',
      ...multipart(
        '--fuzz\nContent-Disposition: form-data; name="defaultStatus"\n\nWHATEVER\n--fuzz\nContent-Disposition: form-data; name="files"; filename="a.md"\n\n# hi\n--fuzz--\n',
      ),
    },
  ],
  [
    'multipart, unknown field',
    {
      method: 'POST',
      path: '/admin/imports',
      who: 'admin',
      ...multipart(
        '--fuzz\nContent-Disposition: form-data; name="evil"\n\n1\n--fuzz\nContent-Disposition: form-data; name="files"; filename="a.md"\n\n# hi\n--fuzz--\n',
      ),
    },
  ],
  [
    'multipart, bad file name',
    {
      method: 'POST',
      path: '/admin/imports',
      who: 'admin',
      ...multipart(
        '--fuzz\nContent-Disposition: form-data; name="files"; filename="../../\u0000.md"\n\n# hi\n--fuzz--\n',
      ),
    },
  ],
  ['job, bad UUID', { method: 'GET', path: '/admin/imports/not-a-uuid', who: 'admin' }],
  ['job, bad escape', { method: 'GET', path: '/admin/imports/%ff', who: 'admin' }],
  ['job, missing', { method: 'GET', path: MISSING_JOB, who: 'admin' }],
  ['job, no token', { method: 'GET', path: MISSING_JOB }],
  ['job, bad token', { method: 'GET', path: MISSING_JOB, who: 'bad-token' }],
  ['job, DELETE', { method: 'DELETE', path: MISSING_JOB, who: 'admin' }],
  ['jobs, PUT', { method: 'PUT', path: '/admin/imports', who: 'admin', contentType: 'application/json', body: '[]' }],
  [
    'exports, POST',
    { method: 'POST', path: '/admin/exports', who: 'admin', contentType: 'application/json', body: '{' },
  ],
  ['exports as editor', { method: 'GET', path: '/admin/exports', who: 'editor' }],
  ['unknown admin path', { method: 'GET', path: '/admin/nope', who: 'admin' }],
  ['malformed authorization', { method: 'GET', path: MISSING_JOB, who: 'anonymous' }],
];

const HEALTH_CASES: [string, Partial<Case>][] = [
  ['live, POST', { method: 'POST', path: '/health/live', contentType: 'application/json', body: '{' }],
  ['ready, DELETE', { method: 'DELETE', path: '/health/ready' }],
  ['unknown health path', { method: 'GET', path: '/health/%ff' }],
  ['unknown path', { method: 'GET', path: '/nope/\u00e9' }],
  ['bad escape in a path', { method: 'GET', path: '/%' }],
];

describe('malformed HTTP requests', () => {
  let app: INestApplication;
  const tokens: Record<Who, string | undefined> = {
    anonymous: undefined,
    'bad-token': 'prs_wrong',
    editor: '',
    admin: '',
  };
  beforeAll(async () => {
    process.env.AUTH_FAILURE_LIMIT = '100000';
    app = await createTestApp({ responseCacheMaxBytes: 1024 ** 2 });
    await resetDb(app);
    await createArticle(app);
    tokens.editor = await createToken(app, 'EDITOR');
    tokens.admin = await createToken(app, 'ADMIN');
  });
  afterAll(() => app.close());

  async function send(c: Case) {
    const method = (c.method ?? 'POST').toLowerCase() as 'get';
    const req = request(app.getHttpServer())[method](c.path).buffer(true).parse(rawText);
    if (c.contentType) req.set('content-type', c.contentType);
    if (c.preflighted) req.set('apollo-require-preflight', 'true');
    const token = tokens[c.who ?? 'anonymous'];
    if (token) req.set('authorization', `Bearer ${token}`);
    if (c.name === 'malformed authorization') req.set('authorization', 'Basic %%%');
    return c.body === undefined ? req : req.send(c.body);
  }

  it.each([...GRAPHQL_CASES, ...ADMIN_CASES, ...HEALTH_CASES])(
    '%s: answers below 500 with a JSON error code',
    async (name, partial) => {
      const res = await send({ name, path: '/graphql', ...partial });
      const text = res.body as string; // rawText's result: the body as sent, whatever its type
      const body = text ? (JSON.parse(text) as Record<string, any>) : undefined;

      expect({ status: res.status, body }).toEqual({ status: expect.any(Number), body: expect.anything() });
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expect(errorCode(body)).toMatch(/^[A-Z_]+$/);
      expect(text).not.toContain('INTERNAL_SERVER_ERROR');
      expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/);
    },
  );

  it('HEAD answers below 500 without a body', async () => {
    for (const path of ['/graphql', '/health/live', MISSING_JOB, '/admin/imports']) {
      const res = await request(app.getHttpServer()).head(path);
      expect(res.status).toBeLessThan(500);
    }
  });
});

/** Apollo's `{ errors: [{ extensions: { code } }] }` or the REST `{ code }`. */
function errorCode(body: Record<string, any> | undefined): unknown {
  return body?.code ?? body?.errors?.[0]?.extensions?.code;
}

/** A superagent parser keeping the body as text: in node, the response it gets is the stream. */
function rawText(res: Response, done: (error: Error | null, body: string) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}
