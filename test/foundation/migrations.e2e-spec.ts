import { randomBytes } from 'node:crypto';
import { migrationStatus, readMigrations, runMigrations } from '@pressroom/database';
import pg from 'pg';
import { databaseUrl, SERVER_URL_ENV, TEMPLATE_ENV, withClient } from '../support/test-database.js';

describe('migration runner', () => {
  it('applies every migration exactly once when two processes start together on an empty database', async () => {
    const server = process.env[SERVER_URL_ENV]!;
    const name = `pressroom_t_${process.env[TEMPLATE_ENV]!.replace('pressroom_tpl_', '')}_${randomBytes(4).toString('hex')}`;
    await withClient(server, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
    const url = databaseUrl(server, name);

    const [first, second] = await Promise.all([runMigrations(url), runMigrations(url)]);
    const all = (await readMigrations()).map((m) => m.name);

    expect([...first, ...second].sort()).toEqual([...all].sort());
    const recorded = await withClient(url, async (c) => {
      const status = await migrationStatus(async (sql) => (await c.query(sql)).rows);
      const { rows } = await c.query('SELECT migration_name FROM "_prisma_migrations"');
      return { status, rows: rows.map((r) => r.migration_name as string) };
    });
    expect(recorded.rows.sort()).toEqual([...all].sort());
    expect(recorded.status.pending).toEqual([]);
    expect(await runMigrations(url)).toEqual([]);
  });
});
