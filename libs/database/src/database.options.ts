export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

export interface DatabaseOptions {
  /** A PostgreSQL connection string. */
  url: string;
  /** Connections in the pool; default 10. */
  poolSize?: number;
  /** Emit Prisma `query` events (used to count statements in tests). */
  logQueries?: boolean;
  /** PostgreSQL cancels a statement of the Prisma pool after this many ms; unset or 0: never. */
  statementTimeoutMs?: number;
}
