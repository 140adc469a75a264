import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';

const QUERY = '{ __typename }';
const LIMIT = 20;

async function appTrusting(trustProxy: string | undefined): Promise<INestApplication> {
  process.env.AUTH_FAILURE_LIMIT = String(LIMIT);
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
  const app = await createTestApp();
  await resetDb(app);
  return app;
}

/** One GraphQL request as a proxy would forward it for `client`. */
function from(app: INestApplication, client: string, token: string) {
  return request(app.getHttpServer())
    .post('/graphql')
    .set('x-forwarded-for', client)
    .set('authorization', `Bearer ${token}`)
    .send({ query: QUERY });
}

async function failAll(app: INestApplication, client: string, count = LIMIT): Promise<number[]> {
  const statuses = [];
  for (let i = 0; i < count; i++) statuses.push((await from(app, client, `prs_guess-${i}`)).status);
  return statuses;
}

// A refused address is remembered in the app's memory, so each test gets an app of its own.
describe('behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let app: INestApplication;
  beforeEach(async () => {
    app = await appTrusting('loopback');
  });
  afterEach(() => app.close());

  it('counts failures against the client X-Forwarded-For names', async () => {
    await failAll(app, '203.0.113.7');

    const same = await from(app, '203.0.113.7', 'prs_again');
    const other = await from(app, '198.51.100.2', 'prs_again');
    const behindAnother = await from(app, '198.51.100.2, 203.0.113.7', 'prs_again');

    expect(same.status).toBe(429);
    expect(same.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(other.status).toBe(401);
    // Only the proxy's own entry (the last) is believed: a client cannot pick its address.
    expect(behindAnother.status).toBe(429);
  });

  it('never locks out a valid token, from the failing address or another', async () => {
    const editor = await createToken(app, 'EDITOR');
    const failures = await failAll(app, '203.0.113.7', LIMIT + 5);

    const sameAddress = await from(app, '203.0.113.7', editor);
    const otherAddress = await from(app, '198.51.100.2', editor);

    expect(failures.slice(0, LIMIT - 1).every((status) => status === 401)).toBe(true);
    expect(failures.slice(LIMIT)).toEqual(Array(5).fill(429));
    expect(sameAddress.status).toBe(200);
    expect(sameAddress.body.data.__typename).toBe('Query');
    expect(otherAddress.status).toBe(200);
  });

  it('keeps a valid token working on the admin endpoints too', async () => {
    const admin = await createToken(app, 'ADMIN');
    await failAll(app, '203.0.113.7');
    const missing = '/admin/imports/00000000-0000-4000-8000-000000000000';

    const refused = await request(app.getHttpServer())
      .get(missing)
      .set('x-forwarded-for', '203.0.113.7')
      .set('authorization', 'Bearer prs_wrong');
    const accepted = await request(app.getHttpServer())
      .get(missing)
      .set('x-forwarded-for', '203.0.113.7')
      .set('authorization', `Bearer ${admin}`);

    expect(refused.status).toBe(429);
    expect(accepted.status).toBe(404);
  });
});

describe('without TRUST_PROXY', () => {
  let app: INestApplication;
  beforeEach(async () => {
    app = await appTrusting(undefined);
  });
  afterEach(() => app.close());

  it('ignores X-Forwarded-For: every request counts against the connecting address', async () => {
    for (let i = 0; i < LIMIT; i++) await from(app, `203.0.113.${i + 1}`, `prs_guess-${i}`);

    const spoofed = await from(app, '198.51.100.99', 'prs_again');

    expect(spoofed.status).toBe(429);
  });
});
