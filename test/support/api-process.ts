import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { hashSecret } from '@pressroom/auth';
import { waitFor } from './wait-for.js';
import { withClient } from './test-database.js';

const API = path.resolve(process.cwd(), 'apps/api/dist/main.js');

/** The built API (`npm run build`) running as a child process, so a crash shows as its exit. */
export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>;
  /** Everything it wrote to stdout and stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/** A free port on 127.0.0.1 (bound to port 0, then released for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the API on `databaseUrl` (already migrated) and waits for /health/ready. The free port
 * is released before the child binds it, so another process on the machine can take it first:
 * that start is retried on a new port.
 */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(databaseUrl, env);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnFreePort(databaseUrl: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [API], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'test',
      SEED_SAMPLE_POSTS: 'false',
      RESPONSE_CACHE_MAX_BYTES: '0',
      LOG_LEVEL: 'log',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the API exited during start: ${log.slice(-2000)}`);
      return (await fetch(`${url}/health/ready`).catch(() => null))?.ok ? true : undefined;
    },
    60_000,
    'the API to start',
  );
  return {
    url,
    child,
    exited,
    log: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A token of `role` written straight into the database; returns its secret. */
export async function insertToken(databaseUrl: string, role: 'ADMIN' | 'EDITOR'): Promise<string> {
  const secret = `prs_${randomBytes(32).toString('base64url')}`;
  await withClient(databaseUrl, (client) =>
    client.query(`INSERT INTO "ApiToken" (id, name, role, "secretHash") VALUES (gen_random_uuid(), $1, $2, $3)`, [
      `${role.toLowerCase()}-${randomBytes(4).toString('hex')}`,
      role,
      hashSecret(secret),
    ]),
  );
  return secret;
}

/** POSTs `archive` (a .tar) to the API's /admin/imports as an ADMIN; expects 202 and returns the job id. */
export async function uploadArchive(api: ApiProcess, adminToken: string, archive: Buffer): Promise<string> {
  const form = new FormData();
  form.append('files', new Blob([archive]), 'site.tar');
  const res = await fetch(`${api.url}/admin/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
