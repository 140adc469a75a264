import type { SqlPool } from './sql-pool.service.js';

/** How long ANALYZE waits for a table that another session is vacuuming or analysing. */
const LOCK_WAIT = '100ms';
/** Its sample of a large table's pages, cold, may outlast the pool's statement timeout. */
const STATEMENT_TIMEOUT = '300s';

/**
 * Refreshes the planner's statistics of `tables` (quoted names) in a short transaction of its
 * own. Returns false, having done nothing, when another session holds one of them for more than
 * LOCK_WAIT (autovacuum or another process's ANALYZE, which leaves them fresh anyway); a table
 * this server user does not own is skipped by PostgreSQL itself, with a warning.
 */
export async function analyzeTables(sql: SqlPool, tables: readonly string[]): Promise<boolean> {
  try {
    await sql.transaction(
      async (tx) => {
        await tx.query(
          `SELECT set_config('lock_timeout', '${LOCK_WAIT}', true), set_config('statement_timeout', '${STATEMENT_TIMEOUT}', true)`,
        );
        await tx.query(`ANALYZE ${tables.join(', ')}`);
      },
      () => false,
    );
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') return false; // lock_not_available
    throw error;
  }
}
