import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { firstError } from './editing-support.js';

const QUERY = '{ __typename }';

describe('failed authentication from one address', () => {
  let app: INestApplication;
  // A refused address is remembered in the app's memory, so each test gets an app of its own.
  beforeEach(async () => {
    // Jest gives each test file its own process.env, so this limit stays in this file.
    process.env.AUTH_FAILURE_LIMIT = '3';
    app = await createTestApp();
    await resetDb(app);
  });
  afterEach(() => app.close());

  it('is refused with 429 and Retry-After once it has failed the limit, but a good token still works', async () => {
    const good = await createToken(app, 'EDITOR');
    const failures = [];
    for (let i = 0; i < 3; i++) failures.push(await gql(app, QUERY, {}, `prs_guess-${i}`));

    const blocked = await gql(app, QUERY, {}, 'prs_guess-4');
    const blockedGood = await gql(app, QUERY, {}, good);
    const anonymous = await gql(app, QUERY);

    expect(failures.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(blocked.status).toBe(429);
    expect(firstError(blocked)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blockedGood.status).toBe(200);
    expect(blockedGood.data).toEqual({ __typename: 'Query' });
    expect(anonymous.errors).toBeUndefined();
  });

  it('counts failures on the admin endpoints too', async () => {
    for (let i = 0; i < 3; i++)
      await request(app.getHttpServer())
        .get('/admin/imports/00000000-0000-4000-8000-000000000000')
        .set('authorization', 'Bearer prs_wrong');

    const response = await request(app.getHttpServer())
      .get('/admin/imports/00000000-0000-4000-8000-000000000000')
      .set('authorization', 'Bearer prs_wrong');

    expect(response.status).toBe(429);
    expect(response.body.code).toBe('TOO_MANY_REQUESTS');
    expect(response.headers['retry-after']).toBeDefined();
  });

  it('does not count successful requests', async () => {
    const good = await createToken(app, 'EDITOR');
    for (let i = 0; i < 5; i++) expect((await gql(app, QUERY, {}, good)).status).toBe(200);
  });
});
