import { CONTENT_CHANGES_APPLICATION } from '@pressroom/database';
import { insertToken, startApiProcess, type ApiProcess } from '../support/api-process.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase, withClient } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';

const BY_SLUG = 'query($slug: String!) { article(slug: $slug) { title } }';
const LATEST = '{ articles(first: 10) { edges { node { slug } } } }';
const CREATE = `mutation($title: String!, $slug: String!) {
  createArticle(input: { title: $title, slug: $slug }) { id } }`;
const PUBLISH = 'mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id version } }';
const UPDATE_TITLE = `mutation($id: ID!, $title: String!, $version: Int!) {
  updateArticle(id: $id, input: { title: $title }, expectedVersion: $version) { id } }`;
// What "agree" means here: a change shows on another replica within this much.
const AGREEMENT_MS = 1000;

interface Answer {
  data: Record<string, any>;
  cache: string | null;
  maxAge: number | null;
  age: number;
}

async function gql(api: ApiProcess, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: Record<string, any>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  const maxAge = /max-age=(\d+)/.exec(res.headers.get('cache-control') ?? '')?.[1];
  return {
    data: body.data,
    cache: res.headers.get('x-cache'),
    maxAge: maxAge === undefined ? null : Number(maxAge),
    age: Number(res.headers.get('age') ?? 0),
  } satisfies Answer;
}

/** Reads on a replica every few ms until `shows` holds; returns the ms it took. */
async function msUntil(read: () => Promise<Answer>, shows: (answer: Answer) => boolean): Promise<number> {
  const started = Date.now();
  while (!shows(await read())) {
    if (Date.now() - started > 10_000) throw new Error('the change did not show within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe('response caches of API replicas on one database', () => {
  let databaseUrl: string;
  let a: ApiProcess;
  let b: ApiProcess;
  let editor: string;
  const cached = { RESPONSE_CACHE_MAX_BYTES: '1000000' };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // One after the other: pg-boss's queue creation can deadlock when two replicas start at once.
    a = await startApiProcess(databaseUrl, cached);
    b = await startApiProcess(databaseUrl, cached);
    editor = await insertToken(databaseUrl, 'EDITOR');
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  /** A published article, created through replica A. */
  async function publishedArticle(slug: string, at?: Date): Promise<{ id: string; version: number }> {
    const created = await gql(a, CREATE, { title: `Story ${slug}`, slug }, editor);
    const published = await gql(a, PUBLISH, { id: created.data.createArticle.id, at: at?.toISOString() }, editor);
    return published.data.publishArticle;
  }

  /**
   * A replica's answer for `slug`, once it comes from its cache. Read until then: the
   * notifications of the writes that set the test up may arrive after its first read.
   */
  async function cachedOn(api: ApiProcess, slug: string): Promise<Answer> {
    return waitFor(
      async () => {
        const answer = await gql(api, BY_SLUG, { slug });
        return answer.cache === 'HIT' ? answer : undefined;
      },
      5000,
      `${slug} to be cached`,
    );
  }
  const titleOnB = (slug: string) => gql(b, BY_SLUG, { slug });

  it('shows on B, within a second, a change committed through A', async () => {
    const { id, version } = await publishedArticle('through-a');
    expect((await cachedOn(b, 'through-a')).data.article.title).toBe('Story through-a');
    await gql(a, UPDATE_TITLE, { id, version, title: 'Changed on A' }, editor);
    const ms = await msUntil(
      () => titleOnB('through-a'),
      (answer) => answer.data.article?.title === 'Changed on A',
    );
    expect(ms).toBeLessThan(AGREEMENT_MS);
  });

  it('shows on B, within a second, a change committed in SQL by another process', async () => {
    await publishedArticle('in-sql');
    await cachedOn(b, 'in-sql');
    await withClient(databaseUrl, (client) =>
      client.query(`UPDATE "Article" SET title = 'Changed in SQL' WHERE slug = 'in-sql'`),
    );
    const ms = await msUntil(
      () => titleOnB('in-sql'),
      (answer) => answer.data.article?.title === 'Changed in SQL',
    );
    expect(ms).toBeLessThan(AGREEMENT_MS);
  });

  it('keeps an answer no longer than until the next scheduled publication, in memory and in Cache-Control', async () => {
    const nothingScheduled = await gql(b, LATEST);
    expect(nothingScheduled.maxAge).toBe(60);
    const at = new Date(Date.now() + 2500);
    await publishedArticle('scheduled', at);
    const slugs = (answer: Answer) => answer.data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug);
    /** B's list, and how many seconds were left until `at` when it was asked for. */
    const read = async () => ({ left: (at.getTime() - Date.now()) / 1000, answer: await gql(b, LATEST) });
    // What shared caches may do with an answer: keep it max-age less Age seconds.
    const keptFor = ({ maxAge, age }: Answer) => (maxAge ?? 0) - age;

    // B hears of the schedule within moments (the notification of its commit), then no answer
    // it sends may be kept past `at`; some come from its cache.
    const heard = Date.now();
    await waitFor(async () => {
      const { left, answer } = await read();
      return keptFor(answer) <= left ? true : undefined;
    }, AGREEMENT_MS);
    expect(Date.now() - heard).toBeLessThan(AGREEMENT_MS);
    const caching: (string | null)[] = [];
    // Close together, so that some read straddles the moment it falls due.
    for (;;) {
      const { left, answer } = await read();
      if (slugs(answer).includes('scheduled')) break;
      expect(keptFor(answer)).toBeLessThanOrEqual(Math.max(0, left));
      expect(Date.now() - at.getTime()).toBeLessThan(AGREEMENT_MS);
      caching.push(answer.cache);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(Date.now() - at.getTime()).toBeLessThan(AGREEMENT_MS);
    expect(caching).toContain('HIT');
  });

  it('does not hide a change made while its LISTEN connection was down, and listens again', async () => {
    const listeners = () =>
      withClient(databaseUrl, async (client) => {
        const { rows } = await client.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
          [CONTENT_CHANGES_APPLICATION],
        );
        return rows.map((r) => r.pid);
      });
    const before = await listeners();
    expect(before).toHaveLength(2); // one per replica
    await publishedArticle('while-away');
    await cachedOn(b, 'while-away');
    // The connections are terminated before the change commits: its notification reaches nobody.
    await withClient(databaseUrl, async (client) => {
      await client.query('BEGIN');
      await client.query(`UPDATE "Article" SET title = 'Changed while away' WHERE slug = 'while-away'`);
      await client.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
      await client.query('COMMIT');
    });
    const ms = await msUntil(
      () => titleOnB('while-away'),
      (answer) => answer.data.article?.title === 'Changed while away',
    );
    expect(ms).toBeLessThan(AGREEMENT_MS);
    const after = await waitFor(
      async () => ((await listeners()).filter((pid) => !before.includes(pid)).length === 2 ? true : undefined),
      10_000,
      'both replicas to listen again',
    );
    expect(after).toBe(true);
    expect(b.log()).toMatch(/LISTEN connection lost/);
    // Listening again, B caches again and still hears of changes.
    await cachedOn(b, 'while-away');
    await withClient(databaseUrl, (client) =>
      client.query(`UPDATE "Article" SET title = 'Changed after' WHERE slug = 'while-away'`),
    );
    await msUntil(
      () => titleOnB('while-away'),
      (answer) => answer.data.article?.title === 'Changed after',
    );
  });

  it('bypasses its cache while the database is out of reach, and shows what changed meanwhile once back', async () => {
    const server = new URL(databaseUrl);
    const proxy = await TcpProxy.start(server.hostname, Number(server.port || 5432));
    const c = await startApiProcess(proxy.route(databaseUrl), cached);
    // Through an outage, a read may fail: its answer then has no article.
    const titleOnC = async () => {
      const res = await fetch(`${c.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: BY_SLUG, variables: { slug: 'outage' } }),
      });
      const body = (await res.json()) as { data?: { article?: { title: string } } };
      return { cache: res.headers.get('x-cache'), title: body.data?.article?.title };
    };
    try {
      await publishedArticle('outage');
      await cachedOn(c, 'outage');
      proxy.cut('reset');
      await waitFor(async () => (/LISTEN connection lost/.test(c.log()) ? true : undefined), 5000, 'C to notice');
      expect((await titleOnC()).cache).toBeNull(); // not the answer kept from before
      await withClient(databaseUrl, (client) =>
        client.query(`UPDATE "Article" SET title = 'Changed in the outage' WHERE slug = 'outage'`),
      );
      await new Promise((resolve) => setTimeout(resolve, 1500)); // reconnects fail, backing off
      proxy.restore();
      await waitFor(
        async () => ((await titleOnC()).title === 'Changed in the outage' ? true : undefined),
        10_000,
        'C to show the change',
      );
      expect((await cachedOn(c, 'outage')).data.article.title).toBe('Changed in the outage');
    } finally {
      await c.stop();
      await proxy.close();
    }
  }, 60_000);

  it('stops cleanly, closing its LISTEN connection', async () => {
    await b.stop();
    expect([0, 143]).toContain(await b.exited); // 143: Nest re-raises SIGTERM once closed
    await waitFor(
      () =>
        withClient(databaseUrl, async (client) => {
          const { rows } = await client.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
            [CONTENT_CHANGES_APPLICATION],
          );
          return rows.length === 1 ? true : undefined; // A's
        }),
      5000,
      "B's LISTEN connection to close",
    );
  });
});
