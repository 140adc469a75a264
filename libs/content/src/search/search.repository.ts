import { Injectable } from '@nestjs/common';
import type { PageRequest, Viewer } from '@pressroom/common';
import { Prisma, type Article as ArticleRow } from '@pressroom/database';
import { articleFilterSql } from '../articles/article-filters.sql.js';
import type { SortOrder } from '../articles/article-order.js';
import { keysetSql, orderBySql } from '../articles/article-order.sql.js';
import { articleColumns } from '../articles/articles.repository.js';
import type { ArticleWhereInput } from '../articles/dto/articles.args.js';
import type { ArticleSelection } from '../selection.js';
import { SqlReader } from '../sql-reader.service.js';
import type { ParsedSearch } from './search-query.js';

const { sql } = Prisma;

export type SearchHitRow = ArticleRow & { score: number };

/**
 * Hits whose body relevance is computed: ranking reads each hit's whole vector (about 15 KB of
 * positions, out of line: some 40 µs each), so a word found in much of a large archive would
 * read them all. Older hits still rank by whether their title matches, then by date.
 */
export const RANKED_HITS = 200;

/** What one page of hits needs: the search, the viewer's filter, the order and the page. */
export interface HitsQuery {
  parsed: ParsedSearch;
  filter: Prisma.Sql;
  order: SortOrder<SearchHitRow>;
  values: unknown[] | null;
  request: PageRequest;
  selection?: ArticleSelection;
}

/**
 * The full-text search statements (see migration add_article_search). Each runs with sequential
 * scans off: for a word in most articles the planner prefers reading the table to the GIN
 * index, not knowing that the scan must then unpack every row's out-of-line vector, ten times
 * slower than the index.
 */
@Injectable()
export class SearchRepository {
  constructor(private readonly reader: SqlReader) {}

  /**
   * The viewer's filter, for hits() and count(): built (and checked: BAD_USER_INPUT for a status
   * the viewer may not filter on) before the search text is looked at, as the service asks.
   */
  filterOf(where: ArticleWhereInput | undefined, viewer: Viewer): Prisma.Sql {
    return articleFilterSql(where, viewer);
  }

  /**
   * One page of hits, each with its score and the total number of hits. One pass over the
   * hits gives each its recency and the total; only the page's rows are joined back for their
   * columns.
   */
  hits(viewer: Viewer, { parsed, filter, order, values, request, selection }: HitsQuery) {
    return this.reader.queryUsingIndexes<SearchHitRow & { total: number }>(
      sql`
      WITH hits AS MATERIALIZED (
        SELECT a.id, a."publishedAt", a."searchTitleVector" @@ q AS "inTitle", a."searchVector" AS vector,
          row_number() OVER (ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC) AS recency, count(*) OVER () AS total
        FROM "Article" a, to_tsquery('pressroom_search', ${parsed.tsquery}) q
        WHERE a."searchVector" @@ q AND ${filter}
      ), s AS (
        SELECT h.id, h."publishedAt", h.total::int AS total, (CASE WHEN h."inTitle" THEN 1 ELSE 0 END
          + CASE WHEN h.recency <= ${RANKED_HITS} THEN ts_rank(h.vector, to_tsquery('pressroom_search', ${parsed.tsquery}), 32) ELSE 0 END
        )::float8 AS score
        FROM hits h
      )
      SELECT ${articleColumns(selection)}, s.score, s.total
      FROM (SELECT * FROM s WHERE ${keysetSql(order, values, request.backward)}
            ORDER BY ${orderBySql(order, request.backward)} LIMIT ${request.take + 1}) s
      JOIN "Article" a ON a.id = s.id
      ORDER BY ${orderBySql(order, request.backward)}`,
      viewer,
    );
  }

  /** How many articles the viewer may see match. */
  async count(viewer: Viewer, parsed: ParsedSearch, filter: Prisma.Sql): Promise<number> {
    const [row] = await this.reader.queryUsingIndexes<{ count: number }>(
      sql`
      SELECT count(*)::int AS count FROM "Article" a
      WHERE a."searchVector" @@ to_tsquery('pressroom_search', ${parsed.tsquery}) AND ${filter}`,
      viewer,
    );
    return row?.count ?? 0;
  }
}
