import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { firstError } from './editing-support.js';

const CREATE_TAG = 'mutation($input: CreateTagInput!) { createTag(input: $input) { id slug name kind } }';

describe('small editing defects (issue 12)', () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  it('refuses a tag whose name its kind already has with CONFLICT naming the existing tag', async () => {
    const existing = await createTag(app, { name: 'Harbour', slug: 'harbour-news' });

    const again = await gql(app, CREATE_TAG, { input: { name: ' harbour ' } }, editor);
    const category = await gql(app, CREATE_TAG, { input: { name: 'Harbour', kind: 'CATEGORY' } }, editor);

    expect(firstError(again)).toMatchObject({
      code: 'CONFLICT',
      field: 'input.name',
      existing: { id: existing.id, slug: 'harbour-news' },
    });
    expect(category.data!.createTag).toMatchObject({ name: 'Harbour', slug: 'harbour', kind: 'CATEGORY' });
  });

  it('names the variable an unknown enum value came in, in extensions.field', async () => {
    const direct = await gql(
      app,
      'query($s: [ArticleStatus!]) { articles(where: { status: $s }) { totalCount } }',
      { s: 'NOPE' },
      editor,
    );
    const nested = await gql(
      app,
      'query($w: ArticleWhereInput) { articles(where: $w) { totalCount } }',
      { w: { status: ['DRAFT', 'NOPE'] } },
      editor,
    );

    expect(direct.status).toBe(400);
    expect(firstError(direct)).toMatchObject({ code: 'BAD_USER_INPUT', field: '$s' });
    expect(firstError(nested)).toMatchObject({ code: 'BAD_USER_INPUT', field: '$w.status[1]' });
  });

  it('answers an APQ hash that is not the query 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });

    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });
});
