import { EventEmitter } from 'node:events';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database.options.js';
import { inTransaction, watchConnection } from './pg-errors.js';
import { poolStats, type PoolStats } from './pool-stats.js';

/** What bulk writers need of a connection: parameterised queries. */
export type SqlClient = Pick<pg.ClientBase, 'query'>;

/**
 * A plain pg pool for set-based bulk writes. Prisma's raw queries pass large parameters
 * (thousands of bodies in one multi-row INSERT) through its query engine about ten times
 * slower than pg does, so the import's hot path talks to pg directly.
 */
@Injectable()
export class SqlPool implements OnModuleDestroy {
  private readonly pool: pg.Pool;
  private readonly commits = new EventEmitter();

  constructor(@Inject(DATABASE_OPTIONS) options: DatabaseOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: Math.max(2, Math.ceil((options.poolSize ?? 10) / 2)),
      application_name: 'pressroom',
    });
    watchConnection(this.pool, 'sql-pool idle client'); // pg-pool has dropped the client already
  }

  /** One statement on any pooled connection; a single statement is a transaction of its own. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, values);
  }

  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * `changedContent` tells, from the result, whether the commit changed what readers see (by
   * default it did); only such commits reach onCommit() listeners.
   */
  async transaction<T>(
    work: (client: SqlClient) => Promise<T>,
    changedContent: (result: T) => boolean = () => true,
  ): Promise<T> {
    const result = await inTransaction(this.pool, 'sql-pool transaction', work);
    if (changedContent(result)) this.commits.emit('commit');
    return result;
  }

  /**
   * Calls `listener` after each transaction of `transaction()` that changed content commits: the
   * API's response cache forgets what it kept when an import batch or an edit lands (and keeps
   * it through commits that only record an import's report). Returns the unsubscribe function.
   */
  onCommit(listener: () => void): () => void {
    this.commits.on('commit', listener);
    return () => this.commits.off('commit', listener);
  }

  /** Connections in use and queued queries (/metrics). */
  stats(): PoolStats {
    return poolStats(this.pool);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
