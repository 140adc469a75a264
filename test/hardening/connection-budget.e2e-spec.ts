import pg from 'pg';
import { tarOf } from '../support/archives.js';
import { insertToken, startApiProcess, type ApiProcess, uploadArchive } from '../support/api-process.js';
import { post } from '../support/temp-folder.js';
import { createTestDatabase, SERVER_URL_ENV, withClient } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';

const POOL_SIZE = 3;
const FILES = 1500;
const READERS = 24;

const LIST = `{ articles(first: 20) { totalCount edges { node { title authors { name articleCount } tags { name } } } } }`;
const SEARCH = `{ search(query: "words", first: 10) { totalCount edges { node { title } } } }`;

function postsOf(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`_posts/2024-05-${String((i % 28) + 1).padStart(2, '0')}-post-${i}.md`] = post(
      `title: Post ${i}\ntags: [t${i % 9}, shared]\nauthor: Writer ${i % 4}`,
      `Paragraph ${i}.\n\n${'Some more words for the body. '.repeat(40)}`,
    );
  }
  return files;
}

/**
 * DATABASE_POOL_SIZE is the process's whole budget on the primary: Prisma, plain SQL and the
 * import queue share one pool, so an API process importing while it serves reads never holds
 * more connections than that (counted by the application_name each process sets).
 */
describe('the connection budget of one process', () => {
  let databaseUrl: string;
  let api: ApiProcess;
  let admin: pg.Client;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    api = await startApiProcess(databaseUrl, {
      IMPORT_THREADS: '1',
      IMPORT_WORKER: 'true',
      DATABASE_POOL_SIZE: String(POOL_SIZE),
    });
    admin = new pg.Client({ connectionString: process.env[SERVER_URL_ENV] });
    await admin.connect();
  }, 90_000);

  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('never exceeds DATABASE_POOL_SIZE under concurrent reads and an import', async () => {
    const name = `pressroom:${api.child.pid}`;
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
          [name],
        );
        peak = Math.max(peak, rows[0]!.n);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();

    const token = await insertToken(databaseUrl, 'ADMIN');
    const id = await uploadArchive(api, token, await tarOf(postsOf(FILES)));
    const status = () =>
      withClient(
        databaseUrl,
        async (c) => (await c.query<{ status: string }>(`SELECT status FROM "ImportJob" WHERE id = $1`, [id])).rows[0]!,
      );

    const answers = new Map<number, number>();
    let importing = true;
    const readers = Array.from({ length: READERS }, async (_, i) => {
      while (importing) {
        const read = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            // Half the readers carry a token: its lookup and touch run on the same pool.
            ...(i % 2 ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query: i % 3 ? LIST : SEARCH }),
        }).catch(async (error: Error) => {
          // A closed connection is the process's end or its doing: say which, with its last words.
          const exit = await Promise.race([api.exited, new Promise((r) => setTimeout(() => r('still running'), 1000))]);
          throw new Error(
            `read ${i} failed (${error.cause ?? error.message}); API: ${exit}\n${api.log().slice(-4000)}`,
          );
        });
        answers.set(read.status, (answers.get(read.status) ?? 0) + 1);
      }
    });
    const finished = await waitFor(
      async () => {
        const { status: s } = await status();
        return s === 'QUEUED' || s === 'RUNNING' ? undefined : s;
      },
      240_000,
      'the import to finish',
    );
    importing = false;
    await Promise.all(readers);
    sampling = false;
    await sampler;

    expect(finished).toBe('SUCCEEDED');
    expect(answers.get(200)).toBeGreaterThan(READERS);
    expect([...answers.keys()]).toEqual([200]);
    // Reached (the load used the whole budget), never passed.
    expect(peak).toBe(POOL_SIZE);
  }, 300_000);
});
