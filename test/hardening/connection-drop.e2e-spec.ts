import { get as httpGet, request as httpRequest, type IncomingMessage } from 'node:http';
import pg from 'pg';
import { tarOf } from '../support/archives.js';
import { insertToken, startApiProcess, type ApiProcess, uploadArchive } from '../support/api-process.js';
import { post } from '../support/temp-folder.js';
import { createTestDatabase, SERVER_URL_ENV, withClient } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';

const FILES = 3000;

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

interface JobRow {
  status: string;
  processed: number;
  total: number;
  created: number;
  failed: number;
}

/** Terminates every backend of `database` but the caller's own; returns how many. */
async function terminateBackends(admin: pg.Client, database: string): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [database],
  );
  for (const { pid } of rows) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  return rows.length;
}

describe('a database connection dropped during an import', () => {
  let databaseUrl: string;
  let api: ApiProcess;
  let admin: pg.Client;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    api = await startApiProcess(databaseUrl, { IMPORT_THREADS: '1', IMPORT_WORKER: 'true' });
    admin = new pg.Client({ connectionString: process.env[SERVER_URL_ENV] });
    await admin.connect();
  }, 90_000);

  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('leaves the API running and answering, and the job retried to success', async () => {
    const token = await insertToken(databaseUrl, 'ADMIN');
    const id = await uploadArchive(api, token, await tarOf(postsOf(FILES)));
    const job = () =>
      withClient(
        databaseUrl,
        async (c) => (await c.query<JobRow>(`SELECT * FROM "ImportJob" WHERE id = $1`, [id])).rows[0]!,
      );
    await waitFor(async () => ((await job()).processed > 0 ? true : undefined), 60_000, 'a first batch');

    // Several rounds, so that transactions holding a checked-out client are cut between statements.
    const database = new URL(databaseUrl).pathname.slice(1);
    let killed = 0;
    for (let round = 0; round < 5 && (await job()).status === 'RUNNING'; round++) {
      killed += await terminateBackends(admin, database);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(killed).toBeGreaterThan(0);

    const done = await waitFor(
      async () => {
        if (api.child.exitCode !== null) throw new Error(`the API died: ${api.log().slice(-3000)}`);
        const row = await job();
        return ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(row.status) ? row : undefined;
      },
      120_000,
      'the import to end',
    );
    expect(api.child.exitCode).toBeNull();
    expect(done).toMatchObject({ status: 'SUCCEEDED', processed: FILES, created: FILES, failed: 0 });
    expect(api.log()).toContain('DB_CONNECTION_ERROR');

    const answer = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { articles: { totalCount: FILES } } });
  }, 240_000);
});

/** GET /admin/exports as a raw response, paused after its first bytes. */
function startExport(api: ApiProcess, token: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${api.url}/admin/exports`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.once('data', () => {
        res.pause();
        resolve(res);
      });
    });
    req.on('error', reject);
  });
}

/** Reads the rest of `res`: how many bytes came, and whether the response ended complete. */
function rest(res: IncomingMessage): Promise<{ bytes: number; complete: boolean }> {
  return new Promise((resolve) => {
    let bytes = 0;
    res.on('data', (chunk: Buffer) => (bytes += chunk.length));
    res.on('error', () => undefined);
    res.on('close', () => resolve({ bytes, complete: res.complete }));
    res.resume();
  });
}

/** Declares a body of a million bytes to `path`, sends its start, then closes the connection. */
async function leaveMidBody(api: ApiProcess, path: string, headers: Record<string, string>, start: string) {
  const req = httpRequest(`${api.url}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-length': '1000000' },
  });
  req.on('error', () => undefined);
  req.write(start);
  req.write('x'.repeat(100_000));
  await new Promise((resolve) => setTimeout(resolve, 300));
  req.destroy();
}

describe('the database lost, or the client gone, mid-request', () => {
  // Far more gzip than the sockets' buffers hold (about 30 MB of hex), so a paused download
  // holds the export between pages, with pages still to read.
  const ARTICLES = 1200;
  let databaseUrl: string;
  let database: string;
  let api: ApiProcess;
  let admin: pg.Client;
  let token: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    database = new URL(databaseUrl).pathname.slice(1);
    api = await startApiProcess(databaseUrl);
    admin = new pg.Client({ connectionString: process.env[SERVER_URL_ENV] });
    await admin.connect();
    token = await insertToken(databaseUrl, 'ADMIN');
    await withClient(databaseUrl, (c) =>
      c.query(
        `INSERT INTO "Article" (id, slug, title, body, html)
         SELECT gen_random_uuid(), 'exported-' || i, 'Exported ' || i, b, ''
         FROM generate_series(1, $1::int) i,
              LATERAL (SELECT string_agg(md5(i || '-' || j), '') AS b FROM generate_series(1, 800) j) body`,
        [ARTICLES],
      ),
    );
  }, 90_000);

  afterAll(async () => {
    await admin?.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    await api?.stop();
  });

  it('cuts the download instead of ending it short or leaving it open, and the API recovers', async () => {
    const res = await startExport(api, token);
    expect(res.statusCode).toBe(200);
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await terminateBackends(admin, database);

    const received = await rest(res);
    expect(received.complete).toBe(false);
    expect(received.bytes).toBeGreaterThan(0);
    await waitFor(
      async () => (api.log().includes('Export cut after') ? true : undefined),
      10_000,
      'the cut export in the log',
    );

    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    expect(api.child.exitCode).toBeNull();
    const answer = await waitFor(
      async () => {
        const r = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ articles(first: 1, where: { status: [DRAFT] }) { totalCount } }' }),
        });
        return r.status === 200 ? r.json() : undefined;
      },
      30_000,
      'the API answering again',
    );
    expect(answer).toEqual({ data: { articles: { totalCount: ARTICLES } } });
  }, 120_000);

  it('logs and counts a client that leaves while sending a body as 499, not as a database failure', async () => {
    const logBefore = api.log().length; // the test above lost the database on purpose
    await leaveMidBody(
      api,
      '/graphql',
      { 'content-type': 'application/json' },
      '{"query":"{ articles { totalCount } }", "x": "',
    );
    await leaveMidBody(
      api,
      '/admin/imports',
      { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=b' },
      '--b\r\nContent-Disposition: form-data; name="files"; filename="a.md"\r\n\r\n---\ntitle: A\n---\n',
    );
    const left = () =>
      api
        .log()
        .slice(logBefore)
        .split('\n')
        .filter((line) => line.includes('"aborted":true') && line.includes('"method":"POST"'))
        .map((line) => JSON.parse(line) as { path: string; status: number });
    await waitFor(async () => (left().length >= 2 ? true : undefined), 10_000, 'both requests in the log');
    expect(left().map(({ path, status }) => ({ path, status }))).toEqual([
      { path: '/graphql', status: 499 },
      { path: '/admin/imports', status: 499 },
    ]);
    expect(api.log().slice(logBefore)).not.toContain('DB_CONNECTION_ERROR');
    const metrics = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const text = await metrics.text();
    expect(text).toContain(
      'pressroom_http_request_duration_seconds_count{method="POST",route="/graphql",status="499"} 1',
    );
    expect(text).toContain(
      'pressroom_http_request_duration_seconds_count{method="POST",route="/admin/imports",status="499"} 1',
    );
    expect(api.child.exitCode).toBeNull();
  });

  it('answers 503 when the database cannot be reached before the export starts', async () => {
    const warm = await startExport(api, token); // the token now known to the API
    expect(warm.statusCode).toBe(200);
    warm.destroy();
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    try {
      await terminateBackends(admin, database);
      const res = await fetch(`${api.url}/admin/exports`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).not.toBeNull();
      expect(await res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    }
    expect(api.child.exitCode).toBeNull();
  });

  it('stops reading pages when the client leaves midway, and the API stays up', async () => {
    const logBefore = api.log().length;
    const res = await startExport(api, token);
    res.destroy();
    await waitFor(
      async () => (api.log().slice(logBefore).includes('Export abandoned by the client after') ? true : undefined),
      10_000,
      'the abandoned export in the log',
    );
    expect(api.child.exitCode).toBeNull();
    expect(api.log()).not.toContain('UNCAUGHT_EXCEPTION');
    const files = Number(/Export abandoned by the client after (\d+) files/.exec(api.log().slice(logBefore))![1]);
    expect(files).toBeLessThan(ARTICLES);
  }, 60_000);
});
