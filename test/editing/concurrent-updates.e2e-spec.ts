import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { READ_ARTICLE, UPDATE_ARTICLE, createViaApi, firstError } from './editing-support.js';

describe('updateArticle under concurrency', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  it('lets exactly one of 20 concurrent updates with the same expectedVersion win; the others get CONFLICT', async () => {
    const editor = await createToken(app, 'EDITOR');
    const article = await createViaApi(app, editor, { title: 'Contended', body: 'v1' });

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: `Writer ${i}`, body: `by ${i}` }, v: 1 }, editor),
      ),
    );

    const winners = responses.filter((r) => !r.errors);
    const losers = responses.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => firstError(r))).toEqual(
      Array(19).fill(expect.objectContaining({ code: 'CONFLICT', currentVersion: 2 })),
    );
    const final = await gql(app, READ_ARTICLE, { id: article.id }, editor);
    expect(final.data!.article).toMatchObject({ version: 2, title: winners[0]!.data!.updateArticle.title });
    // One replaced state stored: version 1, as created.
    const revisions = await app
      .get(PrismaService)
      .articleRevision.findMany({ where: { articleId: article.id }, orderBy: { version: 'asc' } });
    expect(revisions.map((r) => [r.version, r.action, (r.snapshot as any).title])).toEqual([
      [1, 'create', 'Contended'],
    ]);
  });

  it('answers title-only updates (one statement, no read first) as any other: one winner, CONFLICT, same title', async () => {
    const editor = await createToken(app, 'EDITOR');
    const article = await createViaApi(app, editor, { title: 'Contended', body: 'v1' });

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: `Writer ${i}` }, v: 1 }, editor),
      ),
    );
    const winners = responses.filter((r) => !r.errors);
    const winner = winners[0]!.data!.updateArticle;
    // The same title again (trimmed as stored) changes nothing: the article as it is.
    const same = await gql(
      app,
      UPDATE_ARTICLE,
      { id: article.id, input: { title: ` ${winner.title} ` }, v: 2 },
      editor,
    );
    const stale = await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: 'Late' }, v: 1 }, editor);
    const staleSame = await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: winner.title }, v: 1 }, editor);

    expect(winners).toHaveLength(1);
    expect(winner).toMatchObject({ version: 2, body: 'v1' });
    expect(responses.filter((r) => r.errors).map((r) => firstError(r))).toEqual(
      Array(19).fill(expect.objectContaining({ code: 'CONFLICT', currentVersion: 2 })),
    );
    expect(same.errors).toBeUndefined();
    expect(same.data!.updateArticle).toMatchObject({ version: 2, title: winner.title });
    expect(firstError(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    expect(firstError(staleSame)).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    const revisions = await app
      .get(PrismaService)
      .articleRevision.findMany({ where: { articleId: article.id }, orderBy: { version: 'asc' } });
    expect(revisions.map((r) => [r.version, r.action, (r.snapshot as any).title])).toEqual([
      [1, 'create', 'Contended'],
    ]);
  });

  it('applies concurrent updates that each carry the version they read, one after another', async () => {
    const editor = await createToken(app, 'EDITOR');
    const article = await createViaApi(app, editor, { title: 'Queue' });

    let version = 1;
    for (let i = 0; i < 5; i++) {
      const { data } = await gql(
        app,
        UPDATE_ARTICLE,
        { id: article.id, input: { body: `step ${i}` }, v: version },
        editor,
      );
      version = data!.updateArticle.version;
    }

    expect(version).toBe(6);
    expect(await app.get(PrismaService).articleRevision.count({ where: { articleId: article.id } })).toBe(5);
  });
});
