import path from 'node:path';
import { runMigrations, startEmbeddedPostgres } from '@pressroom/database';
import { DEFAULT_DATA_DIR } from './config/index.js';
/**
 * DATABASE_URL when set, else an embedded PostgreSQL under DATA_DIR; then pending migrations.
 * Runs before Nest starts, since every module needs a migrated database.
 */
export async function prepareDatabase(env, log) {
    let url = env.DATABASE_URL;
    let stop = async () => undefined;
    if (!url) {
        const dataDir = path.join(env.DATA_DIR ?? DEFAULT_DATA_DIR, 'postgres');
        const server = await startEmbeddedPostgres({ dataDir, database: 'pressroom', log });
        url = server.url;
        stop = server.stop;
    }
    const applied = await runMigrations(url);
    if (applied.length)
        log(`applied migrations: ${applied.join(', ')}`);
    return { url, embedded: !env.DATABASE_URL, stop, applied };
}
//# sourceMappingURL=database-bootstrap.js.map