import type pg from 'pg';
import { runCms } from '../support/cms-cli.js';
import { createTestDatabase, withClient } from '../support/test-database.js';

// The first command may build the CLI (tsc -b), which takes longer than a test usually may.
const BUILD_TIMEOUT = 180_000;

describe('pressroom token', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });

  const cms = (...args: string[]) => runCms(databaseUrl, ...args);

  it(
    'creates a token and prints its secret alone on stdout, lists it, revokes it',
    async () => {
      const created = await cms('token', 'create', '--role', 'ADMIN', '--name', 'ops');
      const secret = created.stdout.trim();
      const stored = await withClient(databaseUrl, (client: pg.Client) =>
        client.query('SELECT name, role, "secretHash" FROM "ApiToken"'),
      );
      const listed = await cms('token', 'list', '--json');
      const revoked = await cms('token', 'revoke', 'ops');
      const after = JSON.parse((await cms('token', 'list', '--json')).stdout);

      expect(created.code).toBe(0);
      expect(created.stdout.split('\n').filter(Boolean)).toEqual([secret]);
      expect(secret).toMatch(/^prs_\S{40,}$/);
      expect(stored.rows).toEqual([{ name: 'ops', role: 'ADMIN', secretHash: expect.not.stringContaining(secret) }]);
      expect(JSON.parse(listed.stdout)).toEqual([
        expect.objectContaining({ name: 'ops', role: 'ADMIN', revokedAt: null }),
      ]);
      expect(listed.stdout).not.toContain(secret);
      expect(revoked.code).toBe(0);
      expect(after[0].revokedAt).not.toBeNull();
    },
    BUILD_TIMEOUT,
  );

  it(
    'exits 2 on a bad role and 1 on a taken name or an unknown token',
    async () => {
      await cms('token', 'create', '--role', 'EDITOR', '--name', 'taken');

      const badRole = await cms('token', 'create', '--role', 'OWNER', '--name', 'x');
      const taken = await cms('token', 'create', '--role', 'EDITOR', '--name', 'taken');
      const unknown = await cms('token', 'revoke', 'nobody');

      expect([badRole.code, badRole.stdout]).toEqual([2, '']);
      expect([taken.code, taken.stdout]).toEqual([1, '']);
      expect(taken.stderr).toContain('already exists');
      expect(unknown.code).toBe(1);
    },
    BUILD_TIMEOUT,
  );
});
