import { Injectable } from '@nestjs/common';
import type { Viewer } from '@pressroom/common';
import { DatabasePool, preparedWhileFew, type DatabaseTarget, type Prisma } from '@pressroom/database';

/**
 * The read side of the content API: the SQL of lists, search and relations (built with
 * Prisma.sql) run as plain pg statements on the process's pool. Measured on a page of 20
 * articles, Prisma's raw queries return rows four times slower than pg does; writes stay with
 * Prisma. Anonymous readers read the replica when DATABASE_REPLICA_URL is set; a viewer with a
 * token reads the primary, so editors see their own writes at once.
 */
@Injectable()
export class SqlReader {
  constructor(private readonly database: DatabasePool) {}

  async query<R>(query: Prisma.Sql, viewer: Viewer): Promise<R[]> {
    const { rows } = await this.database.query(query.text, query.values, targetOf(viewer));
    return rows as R[];
  }

  /**
   * A statement whose plan does not depend on its values (a lookup by a unique key, the page of
   * an unfiltered list or of one tag), prepared once per connection while the process has few
   * such texts (preparedWhileFew): parsing and planning cost PostgreSQL more than running them.
   */
  async queryPrepared<R>(query: Prisma.Sql, viewer: Viewer): Promise<R[]> {
    const { rows } = await this.database.query(preparedWhileFew(query.text), query.values, targetOf(viewer));
    return rows as R[];
  }

  /**
   * A statement run with sequential scans off, for queries the planner misjudges (see
   * SearchRepository): SET LOCAL needs a transaction of its own.
   */
  async queryUsingIndexes<R>(query: Prisma.Sql, viewer: Viewer): Promise<R[]> {
    const { rows } = await this.database.transaction((client) => client.query(query.text, query.values), {
      target: targetOf(viewer),
      begin: 'BEGIN; SET LOCAL enable_seqscan = off',
    });
    return rows as R[];
  }
}

function targetOf(viewer: Viewer): DatabaseTarget {
  // A preview is of a draft just saved: read where it was written.
  return viewer.role === null && !viewer.previewArticleId ? 'replica' : 'primary';
}
