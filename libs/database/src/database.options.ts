export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

export interface DatabaseOptions {
  /** A PostgreSQL connection string: the primary, which takes every write. */
  url: string;
  /**
   * A read replica of `url` for anonymous reads (DATABASE_REPLICA_URL); unset: they go to the
   * primary too.
   */
  replicaUrl?: string;
  /** The process's connection budget on the primary (DATABASE_POOL_SIZE); default 10. */
  poolSize?: number;
  /** Count every statement sent on the pools (DatabasePool.onQuery; tests count them). */
  logQueries?: boolean;
  /**
   * Prepare the statements marked as such (preparedStatement()) once per connection
   * (DATABASE_PREPARED_STATEMENTS); default true. False for a connection pooler in transaction
   * mode that does not track them (PgBouncer before 1.21, or without max_prepared_statements).
   */
  preparedStatements?: boolean;
  /** PostgreSQL cancels a statement after this many ms; unset or 0: never. */
  statementTimeoutMs?: number;
  /**
   * Prisma starts with its first query rather than with the module (it does so by itself): for
   * the CLI, whose import sends Prisma no query, and whose start-up its query compiler (a wasm
   * module, 0.06 s of CPU) then costs nothing (issue 15). A boot no longer proves Prisma usable.
   */
  prismaOnFirstQuery?: boolean;
  /**
   * How this process's connections show in pg_stat_activity; default `pressroom:<pid>`, so an
   * operator (and a test) can count one process's connections.
   */
  applicationName?: string;
}
