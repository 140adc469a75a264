import path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migration-runner.js';

export interface PrepareDatabaseOptions {
  /** Use this PostgreSQL; when absent, start (or reuse) the embedded one under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  log: (message: string) => void;
}

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  /** Migrations this call applied. */
  applied: string[];
  stop(): Promise<void>;
}

/**
 * The database every entry point (API, CLI) starts with: DATABASE_URL when set, else an
 * embedded PostgreSQL whose data stays under dataDir; then pending migrations.
 */
export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<PreparedDatabase> {
  if (options.databaseUrl) {
    const applied = await runMigrations(options.databaseUrl);
    logApplied(applied, options.log);
    return { url: options.databaseUrl, embedded: false, applied, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, 'postgres'),
    database: 'pressroom',
    log: options.log,
  });
  try {
    const applied = await runMigrations(server.url);
    logApplied(applied, options.log);
    return { url: server.url, embedded: true, applied, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

function logApplied(applied: string[], log: (message: string) => void): void {
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
}
