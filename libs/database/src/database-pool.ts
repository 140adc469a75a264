import { EventEmitter } from 'node:events';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database.options.js';
import { toServiceUnavailable } from './database-unavailable.js';
import { inTransaction, watchConnection } from './pg-errors.js';
import { poolStats, type PoolStats } from './pool-stats.js';
import type { PreparedStatement } from './prepared-statement.js';

const CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_POOL_SIZE = 10;

/** What a statement needs of a connection: parameterised queries. */
export type SqlClient = Pick<pg.ClientBase, 'query'>;

/** Which server a statement goes to: the primary, or the replica for anonymous reads. */
export type DatabaseTarget = 'primary' | 'replica';

/**
 * The process's one way to PostgreSQL: one pg pool on the primary, of at most DATABASE_POOL_SIZE
 * connections, shared by Prisma (through its driver adapter), the SQL helpers and the job queue,
 * and optionally one on a read replica. Each pool has a connect timeout, the statement timeout,
 * an application_name naming the process, and error listeners; every failure of a statement run
 * through query() or transaction() that means the database is unreachable or too slow becomes
 * SERVICE_UNAVAILABLE here.
 */
@Injectable()
export class DatabasePool implements OnApplicationShutdown {
  /** Every write, editors' reads, Prisma and the job queue. */
  readonly primary: pg.Pool;
  /** Anonymous reads, when DATABASE_REPLICA_URL is set. */
  readonly replica: pg.Pool | null;
  private readonly statements = new EventEmitter();

  constructor(@Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions) {
    const name = options.applicationName ?? `pressroom:${process.pid}`;
    this.primary = this.open(options.url, name, 'primary');
    this.replica = options.replicaUrl ? this.open(options.replicaUrl, `${name}:replica`, 'replica') : null;
  }

  /** Whether a replica is configured (anonymous reads go there). */
  get hasReplica(): boolean {
    return this.replica !== null;
  }

  /**
   * One statement on any pooled connection of `target`; a statement is a transaction of its own.
   * A PreparedStatement is prepared once per connection (unless DATABASE_PREPARED_STATEMENTS is
   * false, for a pooler that cannot keep them): then only its values travel.
   */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    statement: string | PreparedStatement,
    values?: unknown[],
    target: DatabaseTarget = 'primary',
  ): Promise<pg.QueryResult<R>> {
    try {
      if (typeof statement === 'string') return await this.pool(target).query<R>(statement, values);
      if (this.options.preparedStatements === false) return await this.pool(target).query<R>(statement.text, values);
      return await this.pool(target).query<R>({ name: statement.name, text: statement.text, values });
    } catch (error) {
      throw toServiceUnavailable(error, `${target} query`);
    }
  }

  /** `SELECT 1` on `target`: resolves when the server answers (health checks). */
  async ping(target: DatabaseTarget = 'primary'): Promise<void> {
    await this.query('SELECT 1', [], target);
  }

  /**
   * Runs `work` in one transaction on `target`: committed when it resolves, rolled back when it
   * throws. `begin` may set transaction-local settings (`BEGIN; SET LOCAL ...`).
   */
  async transaction<T>(
    work: (client: SqlClient) => Promise<T>,
    { target = 'primary', begin = 'BEGIN' }: { target?: DatabaseTarget; begin?: string } = {},
  ): Promise<T> {
    try {
      return await inTransaction(this.pool(target), `${target} transaction`, work, begin);
    } catch (error) {
      throw toServiceUnavailable(error, `${target} transaction`);
    }
  }

  /** The primary's WAL position now: a replica that has replayed it shows every commit so far. */
  async primaryWalPosition(): Promise<string> {
    const { rows } = await this.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return rows[0]!.lsn;
  }

  /**
   * Whether the replica has replayed the primary's WAL up to `position` (primaryWalPosition()).
   * True without a replica, and for a "replica" that is not in recovery (no lag to wait for).
   */
  async replicaReplayed(position: string): Promise<boolean> {
    if (!this.replica) return true;
    const { rows } = await this.query<{ replayed: boolean }>(
      'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true) AS replayed',
      [position],
      'replica',
    );
    return rows[0]!.replayed;
  }

  /**
   * Calls `listener` with the SQL (and parameters) of every statement sent on either pool, whoever sent it
   * (Prisma, the SQL helpers, the job queue), when the app was built with logQueries (tests count
   * them), and the name it is prepared under, if it is. Returns the unsubscribe function.
   */
  onQuery(
    listener: (sql: string, target: DatabaseTarget, values?: unknown[], preparedAs?: string) => void,
  ): () => void {
    this.statements.on('query', listener);
    return () => this.statements.off('query', listener);
  }

  /** Connections in use and queued queries of each pool (/metrics). */
  stats(): { primary: PoolStats; replica: PoolStats | null } {
    return { primary: poolStats(this.primary), replica: this.replica ? poolStats(this.replica) : null };
  }

  // After every module's onModuleDestroy: the job queue and Prisma stop with the pool still open.
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.primary.end(), this.replica?.end()]);
  }

  private pool(target: DatabaseTarget): pg.Pool {
    return target === 'replica' && this.replica ? this.replica : this.primary;
  }

  private open(connectionString: string, applicationName: string, target: DatabaseTarget): pg.Pool {
    const { poolSize, statementTimeoutMs, logQueries } = this.options;
    // A server that stops answering yields errors, not requests waiting forever for a connection.
    const pool = new pg.Pool({
      connectionString,
      max: poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: applicationName,
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    });
    watchConnection(pool, `${target} idle client`); // pg-pool has dropped the client already
    // Counted on each connection as it opens: pool.query and checked-out clients both end there.
    if (logQueries) pool.on('connect', (client) => this.countStatements(client, target));
    return pool;
  }

  private countStatements(client: pg.PoolClient, target: DatabaseTarget): void {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const [first] = args;
      const { text, values, name } =
        typeof first === 'string' ? { text: first, values: args[1], name: undefined } : (first as pg.QueryConfig);
      this.statements.emit('query', text, target, Array.isArray(values) ? values : undefined, name);
      return query(...args);
    }) as typeof client.query;
  }
}
