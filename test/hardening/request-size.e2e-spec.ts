import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

const CREATE = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }';

/** A query of `n` fields: about 11 bytes a field. */
const manyFields = (n: number) => `{ ${'__typename '.repeat(n)} }`;

describe('the size of a request', () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    await createArticle(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  it('refuses a query over the token limit with BAD_USER_INPUT naming the limit', async () => {
    const { status, errors, data } = await gql(app, manyFields(3000));
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxTokens', maxTokens: 2000 });
  });

  it('stops reading a 5 MB query at the token limit (it used to be lexed and validated whole)', async () => {
    const { status, errors } = await gql(app, manyFields(470_000), {}, editor);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxTokens' });
  });

  it('accepts a query just under the token limit', async () => {
    const { status, errors } = await gql(app, manyFields(1990));
    expect(errors?.[0]?.extensions?.limit).not.toBe('maxTokens');
    expect(status).toBeLessThan(500);
  });

  it('refuses an anonymous body over 1 MB with 413 and a JSON error', async () => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'maxBodyBytes',
      maxBodyBytes: 1024 * 1024,
    });
  });

  it('refuses an anonymous body sent without a length once it passes 1 MB, one byte over', async () => {
    const server = app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: '' } });
    const sendChunked = (padding: number) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, text }));
          },
        );
        req.on('error', reject);
        const [head, tail] = body.split('""');
        req.write(`${head}"`);
        for (let left = padding; left > 0; left -= 65_536) req.write('x'.repeat(Math.min(65_536, left)));
        req.end(`"${tail}`);
      });
    const exactly = 1024 * 1024 - body.length; // the whole body at the limit
    expect((await sendChunked(exactly)).status).toBe(200);
    const over = await sendChunked(exactly + 1);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.text).errors[0].extensions).toMatchObject({
      limit: 'maxBodyBytes',
      maxBodyBytes: 1024 * 1024,
    });
  });

  it('lets an editor send a 5 MB article', async () => {
    const input = { title: 'Long read', body: 'word '.repeat(1_000_000) };
    const { status, errors } = await gql(app, CREATE, { input }, editor);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('refuses an editor body over 16 MB with 413 and a JSON error', async () => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${editor}`)
      .send({ query: CREATE, variables: { input: { title: 'Huge', body: 'x'.repeat(17 * 1024 * 1024) } } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxBodyBytes' });
  });

  it('answers a body that is not JSON with 400 and a JSON error', async () => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a GET query string longer than the HTTP header limit with a 4xx', async () => {
    const res = await request(app.getHttpServer())
      .get('/graphql')
      .query({ query: manyFields(3000) })
      .set('apollo-require-preflight', 'true');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('applies the token limit to GET queries too', async () => {
    const res = await request(app.getHttpServer())
      .get('/graphql')
      .query({ query: `{ ${'a '.repeat(2100)}}` })
      .set('apollo-require-preflight', 'true');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxTokens' });
  });
});
