import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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

describe('npm start without DATABASE_URL', () => {
  it('starts an embedded PostgreSQL under DATA_DIR, seeds the sample posts, serves GraphQL and stops cleanly', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pressroom-start-'));
    await chmod(dataDir, 0o755); // as root, the server runs as `postgres`, which must reach its data
    const port = await freePort();
    const { DATABASE_URL: _unset, ...env } = process.env;
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', SEED_SAMPLE_POSTS: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d));
    child.stderr!.on('data', (d: Buffer) => (log += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(
        async () => ((await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok ? true : undefined),
        90_000,
        `/health/ready (log: ${log.slice(-500)})`,
      );
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ articles(first: 5) { totalCount edges { node { title slug authors { name } tags { name kind } } } } }',
        }),
      });
      const body = (await res.json()) as {
        data: { articles: { totalCount: number; edges: { node: { authors: unknown[] } }[] } };
      };

      expect(body.data.articles.totalCount).toBeGreaterThanOrEqual(20);
      expect(body.data.articles.edges).toHaveLength(5);
      expect(body.data.articles.edges[0]!.node.authors.length).toBeGreaterThan(0);
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    // Nest closes the app on SIGTERM, then re-raises the signal: 143 is the clean path.
    expect([0, 143]).toContain(await exited);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 150_000);
});
