import type { INestApplication } from '@nestjs/common';
import { DATABASE_OPTIONS, PrismaService, type DatabaseOptions } from '@pressroom/database';
import pg from 'pg';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { waitFor } from '../support/wait-for.js';
import {
  ARCHIVE,
  CHANGES,
  CREATE,
  DELETE,
  mutate,
  PUBLISH,
  UNPUBLISH,
  update,
  walkChanges,
  type Change,
} from './webhooks-support.js';

describe('changes feed', () => {
  let app: INestApplication;
  let editor: string;

  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '100';
    app = await createTestApp({ webhookWorker: true });
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  const create = (title: string) => mutate(app, CREATE, { input: { title, body: 'Text.' } }, editor);

  it('walked from the start, ends in the state of the table, deletions included', async () => {
    const a = await create('First');
    const b = await create('Second');
    const c = await create('Third');
    await mutate(app, PUBLISH, { id: a.id }, editor);
    await update(app, a.id, { slug: 'first-renamed' }, editor);
    await mutate(app, PUBLISH, { id: b.id }, editor);
    await mutate(app, UNPUBLISH, { id: b.id }, editor);
    await mutate(app, ARCHIVE, { id: c.id }, editor);
    await Promise.all([1, 2, 3, 4].map((n) => create(`Parallel ${n}`)));
    await mutate(app, DELETE, { id: c.id }, editor);

    const { changes } = await walkChanges(app, editor, 3);
    const latest = new Map<string, Change>();
    for (const change of changes) {
      const before = latest.get(change.articleId);
      if (before) expect(change.version).toBeGreaterThanOrEqual(before.version);
      latest.set(change.articleId, change);
    }
    const rows = await app
      .get(PrismaService)
      .article.findMany({ select: { id: true, slug: true, status: true, version: true } });
    const live = [...latest.values()].filter((change) => change.kind !== 'DELETED');
    expect(live.map(({ articleId: id, slug, status, version }) => ({ id, slug, status, version })).sort(byId)).toEqual(
      rows.sort(byId),
    );
    expect(latest.get(c.id)).toMatchObject({ kind: 'DELETED', slug: c.slug });
    expect(changes.filter((ch) => ch.articleId === a.id).map((ch) => ch.kind)).toEqual([
      'CREATED',
      'PUBLISHED',
      'UPDATED',
    ]);
    expect(changes.find((ch) => ch.kind === 'UPDATED' && ch.articleId === a.id)).toMatchObject({
      slug: 'first-renamed',
      oldSlug: a.slug,
    });
    expect(changes.filter((ch) => ch.articleId === b.id).map((ch) => ch.kind)).toEqual([
      'CREATED',
      'PUBLISHED',
      'UNPUBLISHED',
    ]);
    expect(changes.filter((ch) => ch.articleId === c.id).map((ch) => ch.kind)).toEqual([
      'CREATED',
      'ARCHIVED',
      'DELETED',
    ]);
  });

  it('never skips a change that commits after a later one was handed out', async () => {
    const slow = await create('Slow');
    const { cursor } = await walkChanges(app, editor);
    const client = new pg.Client({ connectionString: databaseUrlOf(app) });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE "Article" SET title = 'Slow, edited', version = version + 1 WHERE id = $1`, [slow.id]);
      const fast = await create('Fast');
      const first = await walkChanges(app, editor, 3, cursor);
      expect(first.changes.map((ch) => ch.articleId)).toEqual([fast.id]);
      await client.query('COMMIT');
      const second = await walkChanges(app, editor, 3, first.cursor);
      expect(second.changes.map((ch) => [ch.articleId, ch.kind])).toEqual([[slow.id, 'UPDATED']]);
    } finally {
      await client.end();
    }
  });

  it('shows anonymous readers only what happened to published articles', async () => {
    const draft = await create('Draft only');
    const shown = await create('Shown');
    await update(app, draft.id, { title: 'Draft, edited' }, editor);
    await mutate(app, PUBLISH, { id: shown.id }, editor);
    await update(app, shown.id, { title: 'Shown, edited' }, editor);
    await mutate(app, UNPUBLISH, { id: shown.id }, editor);
    await mutate(app, DELETE, { id: draft.id }, editor);

    const { changes } = await walkChanges(app, undefined);
    expect(changes.map((ch) => [ch.articleId, ch.kind, ch.visible])).toEqual([
      [shown.id, 'PUBLISHED', true],
      [shown.id, 'UPDATED', true],
      [shown.id, 'UNPUBLISHED', false],
    ]);
  });

  it('tells a scheduled publication when its time comes, not when it was scheduled', async () => {
    const later = await create('Later');
    const at = new Date(Date.now() + 1500).toISOString();
    await mutate(app, PUBLISH, { id: later.id, at }, editor);
    const before = await walkChanges(app, undefined);
    expect(before.changes).toEqual([]);
    const published = await waitFor(
      async () => {
        const { changes } = await walkChanges(app, undefined, 3, before.cursor);
        return changes.length ? changes : undefined;
      },
      10_000,
      'the scheduled publication in the feed',
    );
    expect(published.map((ch) => [ch.articleId, ch.kind, ch.visible])).toEqual([[later.id, 'PUBLISHED', true]]);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    const editors = await walkChanges(app, editor);
    expect(editors.changes.filter((ch) => ch.articleId === later.id).map((ch) => ch.kind)).toEqual([
      'CREATED',
      'PUBLISHED',
      'PUBLISHED',
    ]);
  });

  it('refuses a page one over the limit and a cursor that is not one', async () => {
    const over = await gql(app, CHANGES, { first: 101 }, editor);
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ok = await gql(app, CHANGES, { first: 100 }, editor);
    expect(ok.errors).toBeUndefined();
    const bad = await gql(app, CHANGES, { since: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);

function databaseUrlOf(app: INestApplication): string {
  return app.get<DatabaseOptions>(DATABASE_OPTIONS).url;
}
