import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { PUBLISH_ARTICLE, READ_ARTICLE, createViaApi, firstError } from './editing-support.js';

const ARTICLES = '{ articles(first: 10) { edges { node { id } } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('publishing', () => {
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

  it('publishes a draft now: anonymous readers see it at once', async () => {
    const article = await createViaApi(app, editor, { title: 'Now' });
    expect((await gql(app, READ_ARTICLE, { id: article.id })).data!.article).toBeNull();

    const { data } = await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);

    expect(data!.publishArticle).toMatchObject({ status: 'PUBLISHED', version: 2 });
    expect((await gql(app, READ_ARTICLE, { id: article.id })).data!.article.id).toBe(article.id);
  });

  it('hides a scheduled article until its moment, then shows it with no job having run', async () => {
    const article = await createViaApi(app, editor, { title: 'Later' });
    const at = new Date(Date.now() + 1500);

    const { data } = await gql(app, PUBLISH_ARTICLE, { id: article.id, at: at.toISOString() }, editor);
    const before = await gql(app, READ_ARTICLE, { id: article.id });
    const listBefore = await gql(app, ARTICLES);
    await sleep(at.getTime() - Date.now() + 100);
    const after = await gql(app, READ_ARTICLE, { id: article.id });
    const listAfter = await gql(app, ARTICLES);

    expect(data!.publishArticle).toMatchObject({ status: 'PUBLISHED', publishedAt: at.toISOString() });
    expect(before.data!.article).toBeNull();
    expect(listBefore.data!.articles.edges).toEqual([]);
    expect(after.data!.article.id).toBe(article.id);
    expect(listAfter.data!.articles.edges).toEqual([{ node: { id: article.id } }]);
  });

  it('shows scheduled articles to editors before their time', async () => {
    const article = await createViaApi(app, editor, { title: 'Embargoed' });
    await gql(app, PUBLISH_ARTICLE, { id: article.id, at: new Date(Date.now() + 3_600_000).toISOString() }, editor);
    expect((await gql(app, READ_ARTICLE, { id: article.id }, editor)).data!.article.status).toBe('PUBLISHED');
  });

  it('unpublishes back to DRAFT and archives, each a new version with a revision', async () => {
    const article = await createViaApi(app, editor, { title: 'Cycle' });
    await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);

    const unpublished = await gql(
      app,
      'mutation($id: ID!) { unpublishArticle(id: $id) { status version } }',
      { id: article.id },
      editor,
    );
    const archived = await gql(
      app,
      'mutation($id: ID!) { archiveArticle(id: $id) { status version } }',
      { id: article.id },
      editor,
    );

    expect(unpublished.data!.unpublishArticle).toEqual({ status: 'DRAFT', version: 3 });
    expect(archived.data!.archiveArticle).toEqual({ status: 'ARCHIVED', version: 4 });
    expect((await gql(app, READ_ARTICLE, { id: article.id })).data!.article).toBeNull();
    const actions = await app
      .get(PrismaService)
      .articleRevision.findMany({ where: { articleId: article.id }, orderBy: { version: 'asc' } });
    // The replaced states; the current one (archive) is the row.
    expect(actions.map((r) => r.action)).toEqual(['create', 'publish', 'unpublish']);
    expect(await app.get(PrismaService).article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      versionAction: 'archive',
    });
  });

  it('keeps the date of a published article published again, and changes nothing', async () => {
    const article = await createViaApi(app, editor, { title: 'Twice' });
    const first = await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);
    const again = await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);
    expect(again.data!.publishArticle).toMatchObject({
      version: 2,
      publishedAt: first.data!.publishArticle.publishedAt,
    });
  });

  it('refuses a status change against a stale expectedVersion', async () => {
    const article = await createViaApi(app, editor, { title: 'Stale' });
    await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);
    const stale = await gql(
      app,
      'mutation($id: ID!) { archiveArticle(id: $id, expectedVersion: 1) { status } }',
      { id: article.id },
      editor,
    );
    expect(firstError(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });
});
