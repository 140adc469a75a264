// Plain JS: jest loads global setup outside its module mapper, so this uses the built
// @pressroom/database (`npm test` builds first). Env names match test-database.ts.
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
// The two modules, not the package's index: the index loads @nestjs/graphql (through
// @pressroom/common) into jest's own process, whose metadata then leaks into the test files.
import { runMigrations } from '../../libs/database/dist/migration-runner.js';
import { startEmbeddedPostgres } from '../../libs/database/dist/embedded-postgres.js';

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set, else an embedded one in a
 * temporary directory. Migrations run once, into a template database each test file copies.
 */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const parent = await mkdtemp(path.join(tmpdir(), 'pressroom-test-'));
    await chmod(parent, 0o755); // as root, the server runs as `postgres`, which must reach its data
    const dataDir = path.join(parent, 'pg');
    const server = await startEmbeddedPostgres({ dataDir, database: 'postgres', persistent: false });
    globalThis.__pressroomTestPg = server;
    serverUrl = server.url;
  }
  const template = `pressroom_tpl_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)}`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  } finally {
    await client.end();
  }
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  await runMigrations(templateUrl.toString());
  process.env.PRESSROOM_TEST_SERVER_URL = serverUrl;
  process.env.PRESSROOM_TEST_TEMPLATE = template;
}
