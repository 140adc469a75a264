import { EventEmitter } from 'node:events';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ServiceUnavailableError } from '@pressroom/common';
import {
  DATABASE_OPTIONS,
  inTransaction,
  isConnectionError,
  logConnectionError,
  poolStats,
  watchConnection,
  type DatabaseOptions,
  type PoolStats,
  type Prisma,
} from '@pressroom/database';
import pg from 'pg';

/**
 * The read side of the content API: the SQL of lists, search and relations (built with
 * Prisma.sql) run on a plain pg pool. Measured on a page of 20 articles, Prisma's raw queries
 * return rows four times slower than pg does; writes stay with Prisma. Same database, same
 * statement timeout; a slow or unreachable database is SERVICE_UNAVAILABLE.
 */
@Injectable()
export class SqlReader implements OnModuleDestroy {
  private readonly pool: pg.Pool;
  private readonly events = new EventEmitter();

  constructor(@Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      application_name: 'pressroom',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    });
    watchConnection(this.pool, 'sql-reader idle client'); // pg-pool has dropped the client already
  }

  async query<R>(query: Prisma.Sql): Promise<R[]> {
    return this.run(() => this.pool.query(query.text, query.values), query.text);
  }

  /**
   * A statement run with sequential scans off, for queries the planner misjudges (see
   * SearchService): SET LOCAL needs a transaction of its own.
   */
  async queryUsingIndexes<R>(query: Prisma.Sql): Promise<R[]> {
    return this.run(
      () =>
        inTransaction(
          this.pool,
          'sql-reader transaction',
          (client) => client.query(query.text, query.values),
          'BEGIN; SET LOCAL enable_seqscan = off',
        ),
      query.text,
    );
  }

  /** Called with each statement's SQL when the app was built with logQueries (tests count them). */
  onQuery(listener: (sql: string) => void): () => void {
    this.events.on('query', listener);
    return () => this.events.off('query', listener);
  }

  /** Connections in use and queued queries (/metrics). */
  stats(): PoolStats {
    return poolStats(this.pool);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  private async run<R>(work: () => Promise<pg.QueryResult>, text: string): Promise<R[]> {
    if (this.options.logQueries) this.events.emit('query', text);
    try {
      return (await work()).rows as R[];
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      logConnectionError('sql-reader query', error);
      throw new ServiceUnavailableError();
    }
  }
}
