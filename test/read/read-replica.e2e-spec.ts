import { insertToken, startApiProcess, type ApiProcess } from '../support/api-process.js';
import { createTestDatabase, withClient } from '../support/test-database.js';

const BY_SLUG = '{ article(slug: "news") { title } }';
const LIST = '{ articles(first: 10) { totalCount edges { node { title } } } }';
const CREATE = 'mutation { createArticle(input: { title: "Just written", slug: "fresh" }) { id } }';
const FRESH = '{ article(slug: "fresh") { title } }';
const SEARCH = '{ search(query: "replica", first: 10) { totalCount } }';

/** A published article written straight into `databaseUrl`, its title indexed for search. */
async function insertArticle(databaseUrl: string, slug: string, title: string): Promise<void> {
  await withClient(databaseUrl, (client) =>
    client.query(
      `INSERT INTO "Article" (id, slug, title, body, html, status, "publishedAt", "searchVector")
       VALUES (gen_random_uuid(), $1, $2, 'Body.', '<p>Body.</p>', 'PUBLISHED', now(),
               setweight(to_tsvector('english', $2), 'A'))`,
      [slug, title],
    ),
  );
}

async function graphql(api: ApiProcess, query: string, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/**
 * Two databases with different content stand for a primary and its replica, so every answer
 * shows which one it came from.
 */
describe('DATABASE_REPLICA_URL', () => {
  let primaryUrl: string;
  let replicaUrl: string;

  beforeAll(async () => {
    [primaryUrl, replicaUrl] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await insertArticle(primaryUrl, 'news', 'From the primary');
    await insertArticle(replicaUrl, 'news', 'From the replica');
    await insertArticle(replicaUrl, 'older', 'Only on the replica');
  });

  describe('when set', () => {
    let api: ApiProcess;
    let editor: string;
    beforeAll(async () => {
      api = await startApiProcess(primaryUrl, { DATABASE_REPLICA_URL: replicaUrl });
      editor = await insertToken(primaryUrl, 'EDITOR');
    }, 90_000);
    afterAll(() => api?.stop());

    it('answers anonymous reads from the replica', async () => {
      expect(await graphql(api, BY_SLUG)).toEqual({ article: { title: 'From the replica' } });
      expect(await graphql(api, LIST)).toMatchObject({ articles: { totalCount: 2 } });
      expect(await graphql(api, SEARCH)).toEqual({ search: { totalCount: 2 } });
    });

    it("answers an editor's reads from the primary, own writes included", async () => {
      expect(await graphql(api, BY_SLUG, editor)).toEqual({ article: { title: 'From the primary' } });
      expect(await graphql(api, LIST, editor)).toMatchObject({ articles: { totalCount: 1 } });
      expect(await graphql(api, SEARCH, editor)).toEqual({ search: { totalCount: 0 } });
      await graphql(api, CREATE, editor);
      expect(await graphql(api, FRESH, editor)).toEqual({ article: { title: 'Just written' } });
      expect(await graphql(api, FRESH)).toEqual({ article: null }); // never written to the replica
    });

    it('names the replica in /health/ready, and its connections in pg_stat_activity', async () => {
      const health = await fetch(`${api.url}/health/ready`);
      expect(await health.json()).toMatchObject({ status: 'ok', replica: 'ok' });
      const replica = new URL(replicaUrl).pathname.slice(1);
      const names = await withClient(primaryUrl, async (c) => {
        const { rows } = await c.query<{ name: string }>(
          `SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE datname = $1`,
          [replica],
        );
        return rows.map((r) => r.name);
      });
      expect(names).toContain(`pressroom:${api.child.pid}:replica`);
    });
  });

  describe('when set, with the response cache on', () => {
    let api: ApiProcess;
    let editor: string;
    beforeAll(async () => {
      api = await startApiProcess(primaryUrl, {
        DATABASE_REPLICA_URL: replicaUrl,
        RESPONSE_CACHE_MAX_BYTES: '1000000',
        CACHE_MAX_AGE: '60',
      });
      editor = await insertToken(primaryUrl, 'EDITOR');
    }, 90_000);
    afterAll(() => api?.stop());

    it('caches anonymous answers again once the replica has replayed the last write', async () => {
      const cacheOf = async () => {
        const res = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: BY_SLUG }),
        });
        await res.arrayBuffer();
        return res.headers.get('x-cache');
      };
      await graphql(api, 'mutation { createArticle(input: { title: "Another write" }) { id } }', editor);
      // This "replica" is not in recovery, so it has replayed everything: the wait is one check.
      const seen: (string | null)[] = [];
      for (let i = 0; i < 50 && seen.at(-1) !== 'HIT'; i++) {
        seen.push(await cacheOf());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen.at(-1)).toBe('HIT');
    });
  });

  describe('when unset', () => {
    let api: ApiProcess;
    beforeAll(async () => {
      api = await startApiProcess(primaryUrl);
    }, 90_000);
    afterAll(() => api?.stop());

    it('answers every read from the primary, and /health/ready names no replica', async () => {
      expect(await graphql(api, BY_SLUG)).toEqual({ article: { title: 'From the primary' } });
      const health = (await (await fetch(`${api.url}/health/ready`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: 'ok' });
      expect(health).not.toHaveProperty('replica');
    });
  });
});
