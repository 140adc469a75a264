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

/**
 * totalCount is exact up to this many hits; beyond it, the planner's estimate of the number of
 * hits (at least one more than this), marked as such (issue 14: counting every hit of a common
 * word was most of a search's cost at 100,000 articles).
 */
export const EXACT_COUNT_LIMIT = 1_000;

/** What one page of hits needs: the search, the viewer's filter, the order and the page. */
export interface HitsQuery {
  parsed: ParsedSearch;
  filter: Prisma.Sql;
  order: SortOrder<SearchHitRow>;
  values: unknown[] | null;
  request: PageRequest;
  selection?: ArticleSelection;
  /** Count the hits (up to EXACT_COUNT_LIMIT + 1) in the same statement. */
  withTotal: boolean;
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
   * One page of hits, each with its score, top-k: no statement reads every hit. The order is
   * score, then recency, where the score is 1 for a title match plus, for the RANKED_HITS most
   * recent hits only, their rank. So a page is the best take + 1 of three small sets: the
   * RANKED_HITS most recent hits (ranked), and, of the older ones, the first take + 1 after the
   * cursor, by date, of those matching in their title (score 1) and of the others (score 0);
   * each of the last two reads an index in date order and stops.
   */
  hits(viewer: Viewer, { parsed, filter, order, values, request, selection, withTotal }: HitsQuery) {
    const after = keysetSql(order, values, request.backward);
    const by = orderBySql(order, request.backward);
    const limit = request.take + 1;
    // The query is written out each time, not joined from a CTE: the planner then knows how
    // many articles it matches, and reads a word in most of them in date order until it has enough.
    // The title is checked first: it is small and inline, the body's vector is out of line.
    // Ranks are computed after `recent` is cut at RANKED_HITS: a bitmap scan and sort of a
    // frequent word's hits would otherwise rank every one of them.
    const q = sql`to_tsquery('pressroom_search', ${parsed.tsquery})`;
    // `probe`: the most recent hits, as many as the bounded count needs (or RANKED_HITS + 1):
    // one read serves the count, the ranked set (its first RANKED_HITS) and `few`, whether there
    // are older hits at all. A rare word's hits come from the GIN index and are sorted; a
    // common word's from the date index, stopping at the limit. With RANKED_HITS or fewer hits
    // there are no older ones, and the two walks for them, gated on `few`, are not run (the
    // planner makes the gate a one-time filter): for a word with no older hits, each walked the
    // whole date index looking for them (issue 14: a rare word timed out at a million articles).
    const probeLimit = withTotal ? EXACT_COUNT_LIMIT + 1 : RANKED_HITS + 1;
    const few = sql`NOT EXISTS (SELECT 1 FROM probe OFFSET ${RANKED_HITS})`;
    const older = (inTitle: boolean) => sql`
      (SELECT * FROM (SELECT a.id, a."publishedAt", ${inTitle ? 1 : 0}::float8 AS score FROM "Article" a
         WHERE ${inTitle ? sql`` : sql`NOT`} (a."searchTitleVector" @@ ${q}) AND a."searchVector" @@ ${q} AND ${filter}
           AND a.id NOT IN (SELECT id FROM recent)) s
       WHERE NOT ${few} AND ${after} ORDER BY ${by} LIMIT ${limit})`;
    const total = withTotal ? sql`, (SELECT count(*)::int FROM probe) AS total` : sql``;
    const byDate = sql`"publishedAt" DESC NULLS LAST, id DESC`;
    return this.reader.queryUsingIndexes<SearchHitRow & { total?: number }>(
      sql`
      WITH probe AS MATERIALIZED (
        SELECT a.id, a."publishedAt" FROM "Article" a WHERE a."searchVector" @@ ${q} AND ${filter}
        ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT ${probeLimit}
      ), recent AS MATERIALIZED (
        SELECT id, "publishedAt" FROM probe ORDER BY ${byDate} LIMIT ${RANKED_HITS}
      ), s AS (
        SELECT r.id, r."publishedAt",
          (CASE WHEN a."searchTitleVector" @@ ${q} THEN 1 ELSE 0 END + ts_rank(a."searchVector", ${q}, 32))::float8 AS score
        FROM recent r JOIN "Article" a ON a.id = r.id
        UNION ALL ${older(true)}
        UNION ALL ${older(false)}
      )
      SELECT ${articleColumns(selection)}, s.score ${total}
      FROM (SELECT * FROM s WHERE ${after} ORDER BY ${by} LIMIT ${limit}) s
      JOIN "Article" a ON a.id = s.id
      ORDER BY ${by}`,
      viewer,
    );
  }

  /** How many articles the viewer may see match, counting up to EXACT_COUNT_LIMIT + 1. */
  async count(viewer: Viewer, parsed: ParsedSearch, filter: Prisma.Sql): Promise<number> {
    const [row] = await this.reader.queryUsingIndexes<{ count: number }>(
      sql`SELECT (${this.boundedCountSql(parsed, filter)}) AS count`,
      viewer,
    );
    return row?.count ?? 0;
  }

  /** The planner's estimate of the number of hits (from the search index's statistics). */
  async estimate(viewer: Viewer, parsed: ParsedSearch, filter: Prisma.Sql): Promise<number> {
    const [row] = await this.reader.queryUsingIndexes<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Article" a
          WHERE a."searchVector" @@ to_tsquery('pressroom_search', ${parsed.tsquery}) AND ${filter}`,
      viewer,
    );
    return Math.round(row?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
  }

  private boundedCountSql(parsed: ParsedSearch, filter: Prisma.Sql): Prisma.Sql {
    return sql`SELECT count(*)::int FROM (SELECT 1 FROM "Article" a
      WHERE a."searchVector" @@ to_tsquery('pressroom_search', ${parsed.tsquery}) AND ${filter}
      LIMIT ${EXACT_COUNT_LIMIT + 1}) x`;
  }
}
