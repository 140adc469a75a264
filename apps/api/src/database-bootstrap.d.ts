import { type Env } from './config/index.js';
export interface PreparedDatabase {
    url: string;
    embedded: boolean;
    stop(): Promise<void>;
    applied: string[];
}
/**
 * DATABASE_URL when set, else an embedded PostgreSQL under DATA_DIR; then pending migrations.
 * Runs before Nest starts, since every module needs a migrated database.
 */
export declare function prepareDatabase(env: Env, log: (message: string) => void): Promise<PreparedDatabase>;
