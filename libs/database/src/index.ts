export { PrismaModule } from './prisma.module.js';
export { PrismaService } from './prisma.service.js';
export { SqlPool } from './sql-pool.service.js';
export {
  MAX_PREPARED_TEXTS,
  preparedStatement,
  preparedWhileFew,
  type PreparedStatement,
} from './prepared-statement.js';
export { DatabasePool, type DatabaseTarget, type SqlClient } from './database-pool.js';
export { isDatabaseUnavailable, toServiceUnavailable } from './database-unavailable.js';
export {
  API_TOKENS_CHANGED_CHANNEL,
  CONTENT_CHANGED_CHANNEL,
  CONTENT_CHANGES_APPLICATION,
  ContentChanges,
} from './content-changes.service.js';
export { ContentChangesModule } from './content-changes.module.js';
export {
  DB_CONNECTION_ERROR,
  inTransaction,
  isConnectionError,
  logConnectionError,
  watchConnection,
} from './pg-errors.js';
export { installProcessSafety } from './process-safety.js';
export { analyzeTables } from './analyze-tables.repository.js';
export { binaryArray, textArray, PG_OID } from './binary-arrays.js';
export { DATABASE_OPTIONS, type DatabaseOptions } from './database.options.js';
export {
  DEFAULT_MIGRATIONS_DIR,
  migrationStatus,
  readMigrations,
  runMigrations,
  type Migration,
  type MigrationStatus,
  type SqlQuery,
} from './migration-runner.js';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
  type EmbeddedPostgresOptions,
} from './embedded-postgres.js';
export { Prisma } from './generated/prisma/client.js';
export type * from './generated/prisma/client.js';
export {
  ArticleStatus,
  BodyFormat,
  TagKind,
  Role,
  ImportJobStatus,
  ImportItemOutcome,
} from './generated/prisma/enums.js';
export { prepareDatabase, type PrepareDatabaseOptions, type PreparedDatabase } from './prepare-database.js';
export { poolStats, type PoolStats } from './pool-stats.js';
