import { spawn } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '../support/wait-for.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('npm start, stopped with SIGTERM', () => {
  it('logs JSON lines only, its requests among them, and no error on a clean shutdown', async () => {
    const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pressroom-shutdown-'));
    await chmod(dataDir, 0o755); // as root, the server runs as `postgres`, which must reach its data
    // npm start as shipped: no DATABASE_URL, so the embedded PostgreSQL stops along with the app.
    const { DATABASE_URL: _unset, ...env } = process.env;
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        ...env,
        DATA_DIR: dataDir,
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'log',
        NODE_ENV: 'production',
        SEED_SAMPLE_POSTS: 'false',
        IMPORT_THREADS: '1',
        IMPORT_WORKER: 'true', // the queue's connections close on shutdown too
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(
        async () => ((await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok ? true : undefined),
        90_000,
        `/health/ready (stdout: ${stdout.slice(-500)} stderr: ${stderr.slice(-500)})`,
      );
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'shutdown-test-1' },
        body: JSON.stringify({ query: 'query Count { articles { totalCount } }', operationName: 'Count' }),
      });
      expect(res.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    // Nest closes the app on SIGTERM, then re-raises the signal: 143 is the clean path.
    expect([0, 143]).toContain(await exited);

    const lines = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; reqId?: string });
    expect(lines).toContainEqual(
      expect.objectContaining({ reqId: 'shutdown-test-1', operation: 'Count', status: 200, msg: 'request completed' }),
    );
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(stderr).not.toMatch(/error/i);
  }, 150_000);
});
