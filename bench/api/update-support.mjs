// For the API benchmarks: a database of its own, a free port, starting and waiting for the server.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@pressroom/database';

/** A new empty database: on DATABASE_URL's server when set, else on an embedded server. */
export async function scratchDatabase(log) {
  if (process.env.DATABASE_URL) {
    const name = `pressroom_bench_${process.pid}`;
    const admin = process.env.DATABASE_URL;
    await withClient(admin, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () =>
        withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)),
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'pressroom-bench-'));
  // mkdtemp makes it 0700; run as root, the server runs as another OS user, which must reach it.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    database: 'bench',
    persistent: false,
    log,
  });
  return {
    url: server.url,
    drop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export async function waitForReady(base, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the API did not become ready at ${base}`);
}

/**
 * The built API of `checkout` (apps/api/dist) as a benchmark runs it: production mode, no sample
 * posts, import worker, IDE or request logs; `env` adds or overrides settings (e.g.
 * RESPONSE_CACHE_MAX_BYTES: '0'). `ready` resolves once /health/ready answers.
 */
export function startBenchApi(checkout, { databaseUrl, port, env = {} }) {
  const child = spawn(process.execPath, [path.join(checkout, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      RESPONSE_CACHE_MAX_BYTES: undefined,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'production',
      SEED_SAMPLE_POSTS: 'false',
      IMPORT_WORKER: 'false',
      GRAPHQL_IDE: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, ready: waitForReady(`http://127.0.0.1:${port}`) };
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const TICKS = 100; // USER_HZ: /proc reports CPU time in these

/** CPU milliseconds (user + system) of process `pid`, or null when /proc cannot tell. */
export function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds of the PostgreSQL backends connected to `url`'s database, summed: per pid, so
 * a caller can subtract two readings of the same (pooled, long-lived) backends. Empty when the
 * server is not on this machine.
 */
export async function backendCpuMs(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]).filter(([, ms]) => ms !== null));
  });
}

/** The CPU the backends spent between two readings of backendCpuMs() (all of it, for one opened meanwhile). */
export function backendCpuSpent(before, after) {
  let ms = 0;
  for (const [pid, end] of after) ms += end - (before.get(pid) ?? 0);
  return ms;
}

/**
 * Waits (up to `seconds`) until the body search index's pending list is empty: the merge of the
 * run's last saves (SearchIndexMerger, some time after them) is then part of the CPU read after
 * it, so a longer merge delay cannot look cheaper by leaving its last merge out of the figure.
 * Returns the pending pages left, or null where pgstattuple is not available (then it waits
 * `seconds`).
 */
export async function pendingListMerged(url, seconds = 15) {
  return withClient(url, async (c) => {
    const pending = async () => {
      const { rows } = await c.query(
        `SELECT pending_pages FROM pgstatginindex('"Article_searchVector_idx"'::regclass)`,
      );
      return rows[0].pending_pages;
    };
    try {
      await c.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
    } catch {
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return null;
    }
    const until = Date.now() + seconds * 1000;
    let pages = await pending();
    while (pages > 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      pages = await pending();
    }
    // The merge that emptied the list may still be finishing its transaction.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return pages;
  });
}

/** Transactions committed or rolled back in `url`'s database so far (each statement outside one counts as one). */
export async function transactionCount(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      'SELECT (xact_commit + xact_rollback)::int AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return rows[0].n;
  });
}

/**
 * A write benchmark's API: a scratch database migrated by `root`'s CLI and prepared by
 * `prepare(url)` (rows the bench writes directly), an EDITOR token, and `root`'s API started on it
 * (BENCH_SERVER_NODE_ARGS passed to its node). `gql` sends a document with the token and returns
 * its data, throwing on errors; `stop()` ends the server and drops the database.
 */
export async function startWriteBench(root, log, prepare) {
  const database = await scratchDatabase(log);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    SEED_SAMPLE_POSTS: 'false',
    IMPORT_WORKER: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const cli = (...args) =>
    execFileSync(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), ...args], { env, encoding: 'utf8' });
  let server;
  const stop = async () => {
    server?.kill('SIGTERM');
    if (server) await new Promise((resolve) => server.once('exit', resolve));
    await database.drop();
  };
  try {
    cli('migrate');
    const prepared = await prepare(database.url);
    const token = cli('token', 'create', '--role', 'EDITOR', '--name', `bench-${process.pid}`).trim().split('\n').pop();
    server = spawn(
      process.execPath,
      [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ') ?? []), path.join(root, 'apps/api/dist/main.js')],
      { env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    await waitForReady(base);
    const gql = async (query, variables) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return body.data;
    };
    return { database, server, base, token, prepared, gql, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
