import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApiTokensService } from '@pressroom/auth';
import { PrismaService } from '@pressroom/database';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { firstError } from './editing-support.js';

const CREATE_TOKEN =
  'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name role lastUsedAt revokedAt } } }';
const ME = 'mutation { createTag(input: { name: "Probe" }) { id } }';

describe('API tokens', () => {
  let app: INestApplication;
  let prisma: PrismaService;
  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  it('stores only the sha256 of a secret and records when a token was last used', async () => {
    const { secret } = await app.get(ApiTokensService).create('desk', 'EDITOR');

    const before = await prisma.apiToken.findUniqueOrThrow({ where: { name: 'desk' } });
    await gql(app, ME, {}, secret);
    const after = await prisma.apiToken.findUniqueOrThrow({ where: { name: 'desk' } });

    expect(before.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(before)).not.toContain(secret);
    expect(before.lastUsedAt).toBeNull();
    expect(after.lastUsedAt).toBeInstanceOf(Date);
  });

  it('lets an admin create a token whose secret works at once, list tokens without secrets, and revoke one', async () => {
    const admin = await createToken(app, 'ADMIN', 'root');

    const created = await gql(app, CREATE_TOKEN, { input: { name: 'night-desk', role: 'EDITOR' } }, admin);
    const secret = created.data!.createApiToken.secret;
    const works = await gql(app, ME, {}, secret);
    const list = await gql(
      app,
      '{ apiTokens(first: 10) { totalCount edges { node { name role revokedAt } } } }',
      {},
      admin,
    );
    const revoked = await gql(app, 'mutation { revokeApiToken(name: "night-desk") { name revokedAt } }', {}, admin);
    const refused = await gql(app, ME, {}, secret);

    expect(created.data!.createApiToken.token).toMatchObject({ name: 'night-desk', role: 'EDITOR', revokedAt: null });
    expect(works.errors).toBeUndefined();
    expect(list.data!.apiTokens.totalCount).toBe(2);
    expect(JSON.stringify(list.data)).not.toContain(secret);
    expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();
    expect([refused.status, firstError(refused)?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('refuses a second token with the same name with CONFLICT', async () => {
    const admin = await createToken(app, 'ADMIN', 'root');
    const response = await gql(app, CREATE_TOKEN, { input: { name: 'root', role: 'ADMIN' } }, admin);
    expect(firstError(response)).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('answers revoking an unknown token with NOT_FOUND', async () => {
    const admin = await createToken(app, 'ADMIN');
    const response = await gql(app, 'mutation { revokeApiToken(name: "ghost") { name } }', {}, admin);
    expect(firstError(response)?.code).toBe('NOT_FOUND');
  });

  it('refuses a malformed Authorization header with 401 UNAUTHENTICATED, even for public reads', async () => {
    const response = await request(app.getHttpServer())
      .post('/graphql')
      .set('authorization', 'Token abc')
      .send({ query: '{ articles(first: 1) { totalCount } }' });

    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('answers an EDITOR on an ADMIN operation with FORBIDDEN', async () => {
    const editor = await createToken(app, 'EDITOR');
    const response = await gql(app, '{ apiTokens(first: 1) { totalCount } }', {}, editor);
    expect(firstError(response)?.code).toBe('FORBIDDEN');
  });
});
