import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { recordStatements } from '../support/statements.js';
import { PUBLISH_ARTICLE, UPDATE_ARTICLE, createViaApi, firstError } from './editing-support.js';

/**
 * The edits peerbench repeats (a title, a publication) reach the article in one statement, with
 * no read first; the cases that statement leaves take the general path and answer as before.
 */
describe('edits in one statement', () => {
  let app: INestApplication;
  let editor: string;
  let statements: string[];
  // Statements on the article table ("Article" quoted alone: not an index's name).
  const articleStatements = () => statements.filter((s) => /"Article"(?!_)/.test(s));

  beforeAll(async () => {
    app = await createTestApp({ logQueries: true });
    statements = recordStatements(app);
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  async function send(query: string, variables: Record<string, unknown>) {
    statements.length = 0;
    return gql(app, query, variables, editor);
  }

  it('publishes a draft, and publishes it again, in one statement each', async () => {
    const article = await createViaApi(app, editor, { title: 'Draft', body: 'Words.' });

    const published = await send(PUBLISH_ARTICLE, { id: article.id });
    expect(articleStatements()).toHaveLength(1);
    const again = await send(PUBLISH_ARTICLE, { id: article.id });
    expect(articleStatements()).toHaveLength(1);
    const at = '2021-05-06T07:08:09.123Z';
    const dated = await send(PUBLISH_ARTICLE, { id: article.id, at });
    expect(articleStatements()).toHaveLength(1);

    expect(published.data!.publishArticle).toMatchObject({ status: 'PUBLISHED', version: 2 });
    const publishedAt = Date.parse(published.data!.publishArticle.publishedAt);
    expect(Math.abs(publishedAt - Date.now())).toBeLessThan(10_000);
    // Published again without a date: it keeps its date and stays at its version.
    expect(again.data!.publishArticle).toMatchObject({ version: 2, publishedAt: new Date(publishedAt).toISOString() });
    expect(dated.data!.publishArticle).toMatchObject({ version: 3, publishedAt: at });
    const revisions = await app
      .get(PrismaService)
      .articleRevision.findMany({ where: { articleId: article.id }, orderBy: { version: 'asc' } });
    expect(revisions.map((r) => [r.version, r.action, (r.snapshot as any).status, r.actor])).toEqual([
      [1, 'create', 'DRAFT', expect.any(String)],
      [2, 'publish', 'PUBLISHED', expect.any(String)],
    ]);
  });

  it('answers a stale or missing publication as the general path does', async () => {
    const article = await createViaApi(app, editor, { title: 'Draft' });
    await send(PUBLISH_ARTICLE, { id: article.id });
    const PUBLISH_AT = `mutation($id: ID!, $v: Int) { publishArticle(id: $id, expectedVersion: $v) { version } }`;

    const stale = await send(PUBLISH_AT, { id: article.id, v: 1 });
    const missing = await send(PUBLISH_AT, { id: '00000000-0000-4000-8000-000000000000', v: 1 });

    expect(firstError(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    expect(firstError(missing)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets one of concurrent publications at one version win', async () => {
    const article = await createViaApi(app, editor, { title: 'Raced' });
    const PUBLISH_AT = `mutation($id: ID!, $at: DateTime, $v: Int) {
      publishArticle(id: $id, at: $at, expectedVersion: $v) { version publishedAt } }`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gql(app, PUBLISH_AT, { id: article.id, v: 1, at: new Date(Date.UTC(2020, 0, i + 1)).toISOString() }, editor),
      ),
    );
    const winners = responses.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(responses.filter((r) => r.errors).map((r) => firstError(r)?.code)).toEqual(Array(9).fill('CONFLICT'));
    expect(await app.get(PrismaService).articleRevision.count({ where: { articleId: article.id } })).toBe(1);
  });

  it('saves a new title, and answers the same title, in one statement each', async () => {
    const article = await createViaApi(app, editor, { title: 'Before', body: 'Words.' });

    const changed = await send(UPDATE_ARTICLE, { id: article.id, input: { title: 'After' }, v: 1 });
    expect(articleStatements()).toHaveLength(1);
    const same = await send(UPDATE_ARTICLE, { id: article.id, input: { title: 'After' }, v: 2 });
    expect(articleStatements()).toHaveLength(1);

    expect(changed.data!.updateArticle).toMatchObject({ title: 'After', version: 2 });
    expect(same.data!.updateArticle).toMatchObject({ title: 'After', version: 2 });
  });
});
