import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { IDE_ASSETS } from '../../apps/api/src/graphql/ide-assets.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle } from '../support/factories.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent, still compressed. */
  raw: Buffer;
  /** The body once decoded per Content-Encoding. */
  text: string;
}

const LARGE = '{ articles(first: 40) { edges { node { id slug title html } } } }';

describe('compressed responses', () => {
  let app: INestApplication;
  let port: number;
  beforeAll(async () => {
    app = await createTestApp({ responseCacheMaxBytes: 1024 ** 2 });
    await resetDb(app);
    for (let i = 0; i < 40; i++) await createArticle(app, { html: `<p>${'Long paragraph. '.repeat(20)}</p>` });
    const server = app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  /** A request without supertest, which would decode the body (and not know brotli). */
  function send(path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ port, host: '127.0.0.1', path, method: body ? 'POST' : 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const decoded = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
          resolve({ status: res.statusCode!, headers: res.headers, raw, text: decoded.toString('utf8') });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  const post = (query: string, encoding: string) =>
    send('/graphql', { 'content-type': 'application/json', 'accept-encoding': encoding }, JSON.stringify({ query }));
  const get = (query: string, headers: Record<string, string>) =>
    send(`/graphql?query=${encodeURIComponent(query)}`, { 'apollo-require-preflight': 'true', ...headers });

  it.each(['gzip', 'br'])('compresses a large GraphQL answer with %s when asked', async (encoding) => {
    const res = await post(LARGE, encoding);

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.raw.length).toBeLessThan(res.text.length / 3);
    expect(JSON.parse(res.text).data.articles.edges).toHaveLength(40);
  });

  it('leaves tiny answers and clients that do not ask alone', async () => {
    const tiny = await post('{ __typename }', 'gzip, br');
    const plain = await post(LARGE, 'identity');

    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(tiny.text)).toEqual({ data: { __typename: 'Query' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.text).data.articles.edges).toHaveLength(40);
  });

  it('keeps ETags and 304 answers, from the response cache too', async () => {
    const first = await get(LARGE, { 'accept-encoding': 'gzip' });
    const cached = await get(LARGE, { 'accept-encoding': 'br' });
    const again = await get(LARGE, { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! });

    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers.etag).toBeTruthy();
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.headers['content-encoding']).toBe('br');
    expect(cached.headers.etag).toBe(first.headers.etag);
    expect(cached.text).toBe(first.text);
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
  });

  it("compresses the IDE's scripts", async () => {
    const res = await send('/graphql-ide/graphiql.js', { 'accept-encoding': 'br' });

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.text).toBe(readFileSync(IDE_ASSETS['graphiql.js']!, 'utf8'));
    expect(res.raw.length).toBeLessThan(res.text.length / 3);
  });
});
