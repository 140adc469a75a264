import type { SqlClient } from '@pressroom/database';

/**
 * The settings of one batch's transaction (see ImportRunner.writePosts for why): no wait for
 * the WAL flush at commit, no JIT, and `statementTimeout` (e.g. `120000ms`) as the statement timeout.
 */
export async function setBatchSettings(tx: SqlClient, statementTimeout: string): Promise<void> {
  await tx.query(
    `SELECT set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true),
            set_config('statement_timeout', $1, true)`,
    [statementTimeout],
  );
}
