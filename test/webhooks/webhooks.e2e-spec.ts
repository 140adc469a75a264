import type { INestApplication } from '@nestjs/common';
import { DATABASE_OPTIONS, type DatabaseOptions } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';
import { waitFor } from '../support/wait-for.js';
import { Receiver, verifySignature } from './receiver.js';
import { ARCHIVE, CREATE, DELETE, mutate, PUBLISH, UNPUBLISH, update } from './webhooks-support.js';

const ARTICLE_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.archived',
  'article.deleted',
];
const CREATE_WEBHOOK = `mutation($url: String!, $events: [String!]!, $description: String) {
  createWebhook(url: $url, events: $events, description: $description) { secret webhook { id url events enabled } }
}`;
const WEBHOOK = `query($id: ID!) { webhook(id: $id) { enabled disabledReason
  deliveries(first: 50) { totalCount edges { node { id event status code durationMs error at attempts { status code error excerpt } } } } } }`;
const REDELIVER = `mutation($id: ID!) { redeliver(deliveryId: $id) { id status } }`;

describe('webhooks', () => {
  let app: INestApplication;
  let admin: string;
  let editor: string;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    Object.assign(process.env, {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_RETRY_FOR_SECONDS: '5',
      WEBHOOK_TIMEOUT_MS: '3000',
    });
    app = await createTestApp({ webhookWorker: true });
  });
  beforeEach(async () => {
    await resetDb(app);
    admin = await createToken(app, 'ADMIN');
    editor = await createToken(app, 'EDITOR');
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await app.close();
    for (const name of [
      'WEBHOOK_ALLOW_PRIVATE',
      'WEBHOOK_POLL_MS',
      'WEBHOOK_RETRY_BASE_MS',
      'WEBHOOK_RETRY_FOR_SECONDS',
      'WEBHOOK_TIMEOUT_MS',
    ])
      delete process.env[name];
  });

  async function receiver(behaviour?: ConstructorParameters<typeof Receiver>[0]): Promise<[Receiver, string]> {
    const r = new Receiver(behaviour);
    receivers.push(r);
    return [r, await r.start()];
  }

  async function webhook(url: string, events = ARTICLE_EVENTS): Promise<{ id: string; secret: string }> {
    const created = await mutate(app, CREATE_WEBHOOK, { url, events }, admin);
    return { id: created.webhook.id, secret: created.secret };
  }

  const create = (title: string) => mutate(app, CREATE, { input: { title, body: 'Text.' } }, editor);
  const received = (r: Receiver, n: number, ms = 10_000) =>
    waitFor(async () => (r.received.length >= n ? r.received : undefined), ms, `${n} deliveries`);

  it('sends each event once, in commit order, signed with the secret', async () => {
    const [r, url] = await receiver();
    const hook = await webhook(url);
    const a = await create('Alpha');
    await update(app, a.id, { title: 'Alpha, draft edit' }, editor); // a draft's edit: no event
    await mutate(app, PUBLISH, { id: a.id }, editor);
    await update(app, a.id, { slug: 'alpha-renamed' }, editor);
    await mutate(app, UNPUBLISH, { id: a.id }, editor);
    await mutate(app, PUBLISH, { id: a.id }, editor);
    await mutate(app, ARCHIVE, { id: a.id }, editor);
    const b = await create('Beta');
    await mutate(app, PUBLISH, { id: b.id }, editor);
    await mutate(app, DELETE, { id: b.id }, editor);

    await received(r, 7);
    await new Promise((resolve) => setTimeout(resolve, 600)); // nothing more, nothing twice
    const bodies = r.bodies();
    // In commit order per article; deliveries of different articles go out side by side.
    const eventsOf = (id: string) => bodies.filter((x) => x.article.id === id).map((x) => x.event);
    expect(eventsOf(a.id)).toEqual([
      'article.published',
      'article.updated',
      'article.unpublished',
      'article.published',
      'article.archived',
    ]);
    expect(eventsOf(b.id)).toEqual(['article.published', 'article.deleted']);
    expect(bodies).toHaveLength(7);
    const ofA = bodies.filter((x) => x.article.id === a.id);
    expect(ofA[1]!.article).toMatchObject({
      slug: 'alpha-renamed',
      oldSlug: a.slug,
      status: 'PUBLISHED',
      version: 4,
    });
    expect(ofA[0]!.article).toMatchObject({ slug: a.slug, status: 'PUBLISHED', version: 3 });
    expect(ofA[1]!.article.oldUrls).toContain(`/${a.slug}`); // the old slug now redirects
    expect(ofA[0]!.article.oldSlug).toBeUndefined();
    const versions = bodies.filter((x) => x.article.id === a.id).map((x) => x.article.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    for (const delivery of r.received) {
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(verifySignature(hook.secret, String(delivery.headers['x-pressroom-signature']), delivery.body)).toBe(true);
      expect(verifySignature('whsec_wrong', String(delivery.headers['x-pressroom-signature']), delivery.body)).toBe(
        false,
      );
      expect(delivery.headers['x-pressroom-event']).toBe(JSON.parse(delivery.body).event);
    }
    expect(new Set(r.received.map((d) => d.headers['x-pressroom-delivery'])).size).toBe(7);
    expect(new Set(bodies.map((x) => x.id)).size).toBe(7);

    const history = await gql(app, WEBHOOK, { id: hook.id }, admin);
    const deliveries = history.data!.webhook.deliveries;
    expect(deliveries.totalCount).toBe(7);
    expect(deliveries.edges.every((e: any) => e.node.status === 'SUCCEEDED' && e.node.code === 200)).toBe(true);
    // The receiver answered 5,000 bytes: a kilobyte is kept.
    expect(deliveries.edges[0].node.attempts[0].excerpt).toBe('x'.repeat(1024));
    expect(deliveries.edges.map((e: any) => e.node.event).sort()).toEqual(bodies.map((x) => x.event).sort());
  });

  it('sends each event once when two processes deliver from one database', async () => {
    const second = await createTestApp({
      databaseUrl: app.get<DatabaseOptions>(DATABASE_OPTIONS).url,
      webhookWorker: true,
    });
    try {
      const [r, url] = await receiver();
      await webhook(url);
      const ids = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(async (n) => (await create(`Twice ${n}`)).id));
      for (const id of ids) await mutate(app, PUBLISH, { id }, editor);
      await received(r, 8);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(
        r
          .bodies()
          .map((b) => b.article.id)
          .sort(),
      ).toEqual([...ids].sort());
      expect(new Set(r.received.map((d) => d.headers['x-pressroom-delivery'])).size).toBe(8);
    } finally {
      await second.close();
    }
  });

  it('tries a failing receiver again with growing delays, under the same delivery id', async () => {
    const [r, url] = await receiver((n) => (n < 3 ? 500 : 200));
    const hook = await webhook(url);
    const a = await create('Flaky');
    await mutate(app, PUBLISH, { id: a.id }, editor);
    const tries = await received(r, 4);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received).toHaveLength(4);
    expect(new Set(tries.map((t) => t.headers['x-pressroom-delivery'])).size).toBe(1);
    const gaps = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(190);
    expect(gaps[1]).toBeGreaterThanOrEqual(390);
    expect(gaps[2]).toBeGreaterThanOrEqual(790);
    const { data } = await gql(app, WEBHOOK, { id: hook.id }, admin);
    const [delivery] = data!.webhook.deliveries.edges.map((e: any) => e.node);
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', code: 200, error: null });
    expect(delivery.attempts.map((x: any) => [x.status, x.code])).toEqual([
      ['FAILED', 500],
      ['FAILED', 500],
      ['FAILED', 500],
      ['SUCCEEDED', 200],
    ]);
    expect(delivery.attempts[0].error).toBe('HTTP 500');
  });

  it('keeps sending to others while a receiver hangs, and gives up on it at the timeout', async () => {
    const [stuck, stuckUrl] = await receiver(() => 'hang');
    const [fine, fineUrl] = await receiver();
    const stuckHook = await webhook(stuckUrl);
    await webhook(fineUrl);
    const a = await create('First');
    const b = await create('Second');
    await mutate(app, PUBLISH, { id: a.id }, editor);
    await received(stuck, 1, 5000);
    const started = Date.now();
    await mutate(app, PUBLISH, { id: b.id }, editor);
    await received(fine, 2, 5000);
    expect(Date.now() - started).toBeLessThan(2000);
    const { data } = await waitFor(
      async () => {
        const res = await gql(app, WEBHOOK, { id: stuckHook.id }, admin);
        const attempts = res.data!.webhook.deliveries.edges.flatMap((e: any) => e.node.attempts);
        return attempts.length ? res : undefined;
      },
      8000,
      'the hanging attempt to be recorded',
    );
    const attempt = data!.webhook.deliveries.edges.flatMap((e: any) => e.node.attempts)[0];
    expect(attempt).toMatchObject({ status: 'FAILED', code: null, error: 'no answer within 3000 ms' });
  });

  it('disables a webhook that failed for the whole retry window, says why, and can send again', async () => {
    let answer = 503;
    const [r, url] = await receiver(() => answer);
    const hook = await webhook(url);
    const a = await create('Doomed');
    await mutate(app, PUBLISH, { id: a.id }, editor);
    const disabled = await waitFor(
      async () => {
        const res = await gql(app, WEBHOOK, { id: hook.id }, admin);
        return res.data!.webhook.enabled ? undefined : res.data!.webhook;
      },
      15_000,
      'the webhook to be disabled',
    );
    expect(disabled.disabledReason).toContain('HTTP 503');
    const [delivery] = disabled.deliveries.edges.map((e: any) => e.node);
    expect(delivery.status).toBe('FAILED');
    expect(delivery.attempts.length).toBe(r.received.length);
    const before = r.received.length;

    answer = 200;
    await mutate(
      app,
      `mutation($id: ID!) { updateWebhook(id: $id, enabled: true) { enabled } }`,
      { id: hook.id },
      admin,
    );
    const again = await mutate(app, REDELIVER, { id: delivery.id }, admin);
    expect(again.status).toBe('PENDING');
    await received(r, before + 1);
    const resent = r.received.at(-1)!;
    expect(resent.headers['x-pressroom-delivery']).toBe(again.id);
    expect(JSON.parse(resent.body).id).toBe(JSON.parse(r.received[0]!.body).id);
  });

  it('sends a webhook created or enabled later the changes after that, none before, none twice', async () => {
    const SET_ENABLED = `mutation($id: ID!, $on: Boolean!) { updateWebhook(id: $id, enabled: $on) { enabled } }`;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 500)); // five ticks of the worker
    const before = await create('Before any webhook');
    await mutate(app, PUBLISH, { id: before.id }, editor);
    await pause(); // no webhook: the dispatcher does not read the feed
    const [r, url] = await receiver();
    const hook = await webhook(url);
    const first = await create('After the webhook');
    await mutate(app, PUBLISH, { id: first.id }, editor);
    await received(r, 1);

    // Disabled (the only one: the dispatcher stops), then changes, then enabled again.
    await mutate(app, SET_ENABLED, { id: hook.id, on: false }, admin);
    await update(app, first.id, { title: 'While disabled' }, editor);
    await pause();
    await mutate(app, SET_ENABLED, { id: hook.id, on: true }, admin);
    const [r2, url2] = await receiver();
    await update(app, first.id, { title: 'Enabled again' }, editor);
    await received(r, 2);
    // A second webhook created while the first is enabled starts from its own creation too.
    await webhook(url2);
    await update(app, before.id, { title: 'With two webhooks' }, editor);
    await received(r2, 1);
    await received(r, 3);
    await pause(); // nothing more, nothing twice

    const seen = (x: Receiver) => x.bodies().map((b) => `${b.event} ${b.article.id} v${b.article.version}`);
    expect(seen(r)).toEqual([
      `article.published ${first.id} v2`,
      `article.updated ${first.id} v4`,
      `article.updated ${before.id} v3`,
    ]);
    expect(seen(r2)).toEqual([`article.updated ${before.id} v3`]);
  });

  it('fires a scheduled publication at its time, not when it was scheduled', async () => {
    const [r, url] = await receiver();
    await webhook(url);
    const a = await create('Scheduled');
    const at = Date.now() + 2000;
    await mutate(app, PUBLISH, { id: a.id, at: new Date(at).toISOString() }, editor);
    const [delivery] = await received(r, 1, 10_000);
    expect(delivery!.at).toBeGreaterThanOrEqual(at);
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'article.published', article: { id: a.id } });
  });

  it('sends import.finished once per job, with its counts, and no article event for its drafts', async () => {
    const [r, url] = await receiver();
    await webhook(url, ['import.finished', 'article.published']);
    const folder = await tempFolder({
      'one.md': post('title: One'),
      'two.md': post('title: Two'),
      'three.md': post('title: Three\ndraft: true'),
      'broken.md': '---\ntitle: [unclosed\n---\nx',
    });
    const report = await importPaths(app, [folder]);
    await received(r, 3);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const bodies = r.bodies();
    expect(bodies.map((b) => b.event).sort()).toEqual(['article.published', 'article.published', 'import.finished']);
    const finished = bodies.find((b) => b.event === 'import.finished')!;
    expect(finished.import).toMatchObject({
      id: report.id,
      status: 'PARTIAL',
      total: 4,
      created: 3,
      failed: 1,
      dryRun: false,
    });
  });

  it('sends tag.merged once, with the target and the merged tags', async () => {
    const [r, url] = await receiver();
    await webhook(url, ['tag.merged']);
    const [target, source] = [await createTag(app, { slug: 'js' }), await createTag(app, { slug: 'javascript' })];
    await mutate(
      app,
      `mutation($s: [ID!]!, $t: ID!) { mergeTags(sources: $s, target: $t) { id } }`,
      { s: [source.id], t: target.id },
      editor,
    );
    const [delivery] = await received(r, 1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(r.received).toHaveLength(1);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      event: 'tag.merged',
      target: { id: target.id, slug: 'js', kind: 'TAG' },
      sources: [{ id: source.id, slug: 'javascript' }],
      articleCount: 0,
    });
  });

  it('is managed by admins only, with its input checked', async () => {
    expect((await gql(app, `{ webhooks { id } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(app, `{ webhooks { id } }`, {}, editor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const url = 'https://hooks.example.com/pressroom';
    const bad = async (vars: Record<string, unknown>) =>
      (await gql(app, CREATE_WEBHOOK, { url, events: ['article.published'], ...vars }, admin)).errors?.[0]?.extensions;
    expect(await bad({ events: ['article.exploded'] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ events: [] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ events: Array(8).fill('tag.merged') })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ events: Array(7).fill('tag.merged') })).toBeUndefined();
    expect(await bad({ url: 'ftp://example.com/x' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(await bad({ url: 'not a url' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(await bad({ description: 'd'.repeat(501) })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ description: 'd'.repeat(500) })).toBeUndefined();
    expect(await bad({ url: `${url}?${'q'.repeat(1999 - url.length)}` })).toBeUndefined();
    expect(await bad({ url: `${url}?${'q'.repeat(2000 - url.length)}` })).toMatchObject({ code: 'BAD_USER_INPUT' });

    const created = await mutate(app, CREATE_WEBHOOK, { url, events: ['tag.merged'] }, admin);
    const rotated = await mutate(
      app,
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      { id: created.webhook.id },
      admin,
    );
    expect(rotated.secret).not.toBe(created.secret);
    const list = await gql(app, `{ webhooks { id url events } }`, {}, admin);
    expect(list.data!.webhooks).toHaveLength(4);
    const deleted = await mutate(
      app,
      `mutation($id: ID!) { deleteWebhook(id: $id) }`,
      { id: created.webhook.id },
      admin,
    );
    expect(deleted).toBe(created.webhook.id);
    const missing = await gql(app, WEBHOOK, { id: created.webhook.id }, admin);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('webhooks without WEBHOOK_ALLOW_PRIVATE', () => {
  let app: INestApplication;
  let admin: string;
  const target = new Receiver();

  beforeAll(async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    Object.assign(process.env, { WEBHOOK_POLL_MS: '100', WEBHOOK_RETRY_BASE_MS: '200' });
    app = await createTestApp({ webhookWorker: true });
    admin = await createToken(app, 'ADMIN');
    await target.start();
  });
  afterAll(async () => {
    await target.stop();
    await app.close();
    delete process.env.WEBHOOK_POLL_MS;
    delete process.env.WEBHOOK_RETRY_BASE_MS;
  });

  it.each([
    'http://127.0.0.1:PORT/hook',
    'http://[::1]:PORT/hook',
    'http://[::ffff:127.0.0.1]:PORT/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.8/hook',
    'http://[fd00:ec2::254]/',
  ])('refuses %s when it is saved', async (url) => {
    const res = await gql(
      app,
      CREATE_WEBHOOK,
      { url: url.replace('PORT', String(target.port)), events: ['article.published'] },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
  });

  it('refuses a name that resolves to a private address when it delivers, and sends nothing', async () => {
    const created = await mutate(
      app,
      CREATE_WEBHOOK,
      { url: `http://localhost:${target.port}/hook`, events: ['article.published'] },
      admin,
    );
    const editor = await createToken(app, 'EDITOR');
    const a = await mutate(app, CREATE, { input: { title: 'Private', body: 'x' } }, editor);
    await mutate(app, PUBLISH, { id: a.id }, editor);
    const attempt = await waitFor(
      async () => {
        const res = await gql(app, WEBHOOK, { id: created.webhook.id }, admin);
        return res.data!.webhook.deliveries.edges[0]?.node.attempts[0];
      },
      8000,
      'a refused attempt',
    );
    expect(attempt).toMatchObject({ status: 'FAILED', code: null });
    expect(attempt.error).toMatch(/resolves to a loopback, private, link-local or reserved address/);
    expect(target.received).toEqual([]);
  });
});
