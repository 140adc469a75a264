import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { CHANGES, CREATE, mutate, PUBLISH } from './webhooks-support.js';

const PREVIEW = `mutation($id: ID!, $ttl: Int) { createPreviewToken(articleId: $id, ttl: $ttl) { token articleId expiresAt } }`;
const REVOKE = `mutation($id: ID!) { revokePreviewTokens(articleId: $id) }`;
const BY_ID = `query($id: ID!) { article(id: $id) { id title status } }`;
const BY_SLUG = `query($slug: String!) { article(slug: $slug) { id title status } }`;
const LIST = `{ articles(first: 100) { edges { node { id } } } }`;

describe('draft previews', () => {
  let app: INestApplication;
  let editor: string;
  let draft: { id: string; slug: string };
  let other: { id: string; slug: string };

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    draft = await mutate(app, CREATE, { input: { title: 'Secret draft', body: 'Soon.' } }, editor);
    other = await mutate(app, CREATE, { input: { title: 'Other draft', body: 'Later.' } }, editor);
  });
  afterAll(() => app.close());

  it('reads its own draft by id and slug, and nothing else', async () => {
    const published = await mutate(app, CREATE, { input: { title: 'Public', body: 'Out.' } }, editor);
    await mutate(app, PUBLISH, { id: published.id }, editor);
    const { token, expiresAt } = await mutate(app, PREVIEW, { id: draft.id }, editor);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(3500_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000);

    expect((await gql(app, BY_ID, { id: draft.id }, token)).data?.article).toMatchObject({
      id: draft.id,
      status: 'DRAFT',
    });
    expect((await gql(app, BY_SLUG, { slug: draft.slug }, token)).data?.article).toMatchObject({ id: draft.id });
    expect((await gql(app, BY_ID, { id: draft.id })).data?.article).toBeNull();
    expect((await gql(app, BY_ID, { id: other.id }, token)).data?.article).toBeNull();
    expect((await gql(app, BY_ID, { id: published.id }, token)).data?.article).toMatchObject({ id: published.id });
    const list = await gql(app, LIST, {}, token);
    expect(list.data?.articles.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([published.id]);
    const feed = await gql(app, CHANGES, {}, token);
    expect(feed.data?.changes.edges.map((e: { node: { articleId: string } }) => e.node.articleId)).toEqual([
      published.id,
    ]);

    const edit = await gql(app, PUBLISH, { id: draft.id }, token);
    expect(edit.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const another = await gql(app, PREVIEW, { id: other.id }, token);
    expect(another.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps only a hash of the token', async () => {
    const { token } = await mutate(app, PREVIEW, { id: draft.id }, editor);
    const rows = await app.get(PrismaService).$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(p)::text AS row FROM "PreviewToken" p`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(token);
    expect(rows[0]!.row).not.toContain(token.slice(4));
  });

  it('stops working when it expires', async () => {
    const { token } = await mutate(app, PREVIEW, { id: draft.id, ttl: 1 }, editor);
    expect((await gql(app, BY_ID, { id: draft.id }, token)).data?.article).toMatchObject({ id: draft.id });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const late = await gql(app, BY_ID, { id: draft.id }, token);
    expect(late.status).toBe(401);
    expect(late.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops working when revoked, for every token of the article', async () => {
    const one = await mutate(app, PREVIEW, { id: draft.id }, editor);
    const two = await mutate(app, PREVIEW, { id: draft.id }, editor);
    const kept = await mutate(app, PREVIEW, { id: other.id }, editor);
    expect(await mutate(app, REVOKE, { id: draft.id }, editor)).toBe(2);
    for (const { token } of [one, two]) {
      expect((await gql(app, BY_ID, { id: draft.id }, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await gql(app, BY_ID, { id: other.id }, kept.token)).data?.article).toMatchObject({ id: other.id });
  });

  it('is given to editors only, for an article that exists, for at most 7 days', async () => {
    expect((await gql(app, PREVIEW, { id: draft.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const missing = await gql(app, PREVIEW, { id: '00000000-0000-4000-8000-000000000000' }, editor);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const over = await gql(app, PREVIEW, { id: draft.id, ttl: 7 * 24 * 3600 + 1 }, editor);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ttl' });
    const zero = await gql(app, PREVIEW, { id: draft.id, ttl: 0 }, editor);
    expect(zero.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const most = await gql(app, PREVIEW, { id: draft.id, ttl: 7 * 24 * 3600 }, editor);
    expect(most.errors).toBeUndefined();
  });
});
