import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withClient } from './test-database.js';
import { waitFor } from './wait-for.js';

const CLI = path.resolve(process.cwd(), 'apps/cli/dist/main.js');

/** Job statuses that end an import. */
export const ENDED_STATUSES = ['SUCCEEDED', 'PARTIAL', 'FAILED'];

/** Short, so a killed worker's messages come back soon; every process of a queue must agree on it. */
export const SHORT_EXPIRY = { IMPORT_EXPIRE_SECONDS: '10' };

/** A new, empty DATA_DIR: each process of a shared-nothing test has its own. */
export const newDataDir = () => mkdtemp(path.join(tmpdir(), 'pressroom-data-'));

/** The built `cms worker` (`npm run build`) as a child process: one thread, one batch at a time. */
export function startWorkerProcess(databaseUrl: string, dataDir: string): ChildProcess {
  return spawn(process.execPath, [CLI, 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      IMPORT_THREADS: '1',
      IMPORT_BATCH_CONCURRENCY: '1',
      ...SHORT_EXPIRY,
    },
    stdio: 'ignore',
  });
}

/** Sends `signal` to a child still running and waits for it to exit. */
export async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** Rows of one statement on a connection of its own. */
export const queryRows = <T>(url: string, sql: string, values: unknown[] = []) =>
  withClient(url, async (c) => (await c.query(sql, values)).rows as T[]);

/** An import job's status and counters, read straight from the database. */
export const importJobRow = async (url: string, id: string) =>
  (
    await queryRows<{ status: string; processed: number; total: number; created: number; failed: number }>(
      url,
      `SELECT status::text, processed, total, created, failed FROM "ImportJob" WHERE id = $1::uuid`,
      [id],
    )
  )[0]!;

/** Waits until the job has written its first batch; returns its row then. */
export const importJobStarted = (url: string, id: string, timeoutMs = 120_000) =>
  waitFor(
    async () => {
      const row = await importJobRow(url, id);
      return row.processed > 0 ? row : undefined;
    },
    timeoutMs,
    'the import job to write a first batch',
  );

/** Waits until the job has ended (succeeded, partly or not); returns its row then. */
export const importJobEnded = (url: string, id: string, timeoutMs = 150_000) =>
  waitFor(
    async () => {
      const row = await importJobRow(url, id);
      return ENDED_STATUSES.includes(row.status) ? row : undefined;
    },
    timeoutMs,
    'the import job to end',
  );
