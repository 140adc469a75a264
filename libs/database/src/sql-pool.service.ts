import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DatabasePool, type SqlClient } from './database-pool.js';
import type { PreparedStatement } from './prepared-statement.js';

/**
 * Plain SQL on the primary, for the repositories' writes and hot lookups. Prisma's raw queries
 * pass large parameters (thousands of bodies in one multi-row INSERT) through its query engine
 * about ten times slower than pg does, so the import's hot path talks to pg directly. Runs on
 * the process's one pool (DatabasePool), with its timeouts and SERVICE_UNAVAILABLE mapping.
 */
@Injectable()
export class SqlPool {
  private readonly commits = new EventEmitter();

  constructor(private readonly database: DatabasePool) {}

  /** One statement on any pooled connection; a single statement is a transaction of its own. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    statement: string | PreparedStatement,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return this.database.query<R>(statement, values);
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
    const result = await this.database.transaction(work);
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
}
