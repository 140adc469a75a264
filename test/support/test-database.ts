import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by global-setup: the server's maintenance URL and the migrated template database. */
export const SERVER_URL_ENV = 'PRESSROOM_TEST_SERVER_URL';
export const TEMPLATE_ENV = 'PRESSROOM_TEST_TEMPLATE';
export const TEST_DB_PREFIX = 'pressroom_t_';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new database for one test file, copied from the migrated template, so test files run in
 * parallel without seeing each other's rows.
 */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = process.env[SERVER_URL_ENV];
  const template = process.env[TEMPLATE_ENV];
  if (!serverUrl || !template) throw new Error('test database server not set up: run through jest (global-setup)');
  // The template's name carries the run's id: teardown drops this run's databases only.
  const name = `${TEST_DB_PREFIX}${template.replace('pressroom_tpl_', '')}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`),
  );
  return databaseUrl(serverUrl, name);
}
