import { Injectable } from '@nestjs/common';
import type { PageRequest, Viewer } from '@pressroom/common';
import { Prisma, type Article as ArticleRow } from '@pressroom/database';
import { articleFilterSql } from '../articles/article-filters.sql.js';
import type { SortOrder } from '../articles/article-order.js';
import { keysetSql, orderBySql } from '../articles/article-order.sql.js';
import { articleColumns } from '../articles/articles.repository.js';
import { withPrefetchedRelations } from '../articles/prefetched-relations.sql.js';
import type { ArticleWhereInput } from '../articles/dto/articles.args.js';
import type { ArticleSelection } from '../selection.js';
import { SqlReader } from '../sql-reader.service.js';
import type { ParsedSearch } from './search-query.js';

const { sql, raw } = Prisma;

export type SearchHitRow = ArticleRow & { score: number };

/**
 * Hits whose body relevance is computed: ranking reads each hit's whole vector (about 13 KB of
 * positions, out of line: some 20-40 µs each), so a word found in much of a large archive would
 * read them all. Older hits still rank by whether their title matches, then by date.
 */
export const RANKED_HITS = 200;

/**
 * totalCount is exact up to this many hits; beyond it, the planner's estimate of the number of
 * hits (at least one more than this), marked as such. It is RANKED_HITS: the statement reads the
 * most recent RANKED_HITS + 1 hits to rank them anyway, so counting them costs nothing more,
 * where an exact count to 1,000 read 1,001 vectors for a word in most articles (issue 14: that
 * was most of a frequent word's search at a million articles).
 */
export const EXACT_COUNT_LIMIT = RANKED_HITS;

/**
 * How many hits the probe is planned for, though it reads RANKED_HITS + 1. The planner costs
 * `@@` on a row the same whether or not its vector is out of line, and guesses 0.4% of the
 * articles for any word outside its statistics: planned for 201 hits, it walks the date index
 * for a word in 200 articles of a million, unpacking 900,000 vectors (50 s). Planned for 1,001
 * it reads such a word from the GIN index, and walks by date only for a word it knows is
 * frequent. `planned` is a CTE of its own, planned whole; `probe` reads its first 201 rows, in
 * its order (a CTE scan reads the rows as its query makes them), which stops a date walk there.
 */
const PLANNED_HITS = 1_001;

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
 * The full-text search statements (see migration add_article_search). Each that reads rows runs
 * with sequential scans off: for a word in most articles the planner prefers reading the table
 * to the GIN index, not knowing that the scan must then unpack every row's out-of-line vector,
 * ten times slower than the index.
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
   * recent hits only, their rank (below 1). So the hits fall into three bands, each wholly
   * before the next: title matches (the recent ones ranked, the older ones scoring 1), the
   * recent hits without a title match (ranked), and the older ones without (score 0). A band is
   * read only when the ones before it, after the cursor, do not fill the page: ranking reads a
   * hit's whole vector, and for a word in most articles the recent hits without a title match
   * (most of the 200) are never on a first page that title matches fill. Paging backwards, the
   * bands come in the reverse order.
   */
  hits(viewer: Viewer, { parsed, filter, order, values, request, selection, withTotal }: HitsQuery) {
    const after = keysetSql(order, values, request.backward);
    const by = orderBySql(order, request.backward);
    const limit = request.take + 1;
    // The query is written out each time, not joined from a CTE: the planner then knows how
    // many articles it matches, and reads a word in most of them in date order until it has enough.
    // The title is checked first: it is small and inline, the body's vector is out of line.
    const q = sql`to_tsquery('pressroom_search', ${parsed.tsquery})`;
    // `probe`: the RANKED_HITS + 1 most recent hits, read once for the bounded count, the ranked
    // set (its first RANKED_HITS) and `few`, whether there are older hits at all. A rare word's
    // hits come from the GIN index and are sorted; a common word's from the date index,
    // stopping at the limit. With RANKED_HITS or fewer hits there are no older ones, and the
    // walks for them, gated on `few`, are not run (a one-time filter): for a word with no older
    // hits, each walked the whole date index looking for them (issue 14: a rare word timed out
    // at a million articles).
    const few = sql`NOT EXISTS (SELECT 1 FROM probe OFFSET ${RANKED_HITS})`;
    const not = (inTitle: boolean) => (inTitle ? sql`` : sql`NOT`);
    const ranked = (inTitle: boolean, gate: Prisma.Sql) => sql`
      SELECT r.id, r."publishedAt", (${raw(inTitle ? '1' : '0')} + ts_rank(a."searchVector", ${q}, 32))::float8 AS score
      FROM recent r JOIN "Article" a ON a.id = r.id WHERE ${not(inTitle)} r."inTitle" AND ${gate}`;
    // A title match of a query that excludes nothing is a match of the whole vector, which is
    // then not read: checking it unpacked every older title match's out-of-line vector (most of
    // a search for a word in many titles: 塔利班 in a fifth of them, 14 of 18 ms at 10,000 articles).
    const whole = (inTitle: boolean) => (inTitle && parsed.monotone ? sql`` : sql`AND a."searchVector" @@ ${q}`);
    const older = (inTitle: boolean, gate: Prisma.Sql) => sql`
      SELECT * FROM (SELECT a.id, a."publishedAt", ${inTitle ? 1 : 0}::float8 AS score FROM "Article" a
         WHERE ${not(inTitle)} (a."searchTitleVector" @@ ${q}) ${whole(inTitle)} AND ${filter}
           AND a.id NOT IN (SELECT id FROM recent)) s
      WHERE NOT ${few} AND ${gate} AND ${after} ORDER BY ${by} LIMIT ${limit}`;
    const titleBand = (gate: Prisma.Sql) => sql`${ranked(true, gate)} UNION ALL (${older(true, gate)})`;
    const bands = [titleBand, (gate: Prisma.Sql) => ranked(false, gate), (gate: Prisma.Sql) => older(false, gate)];
    if (request.backward) bands.reverse();
    // Band i is read when bands 0..i-1 have fewer than `limit` hits after the cursor.
    const gates = [
      sql`TRUE`,
      sql`NOT EXISTS (SELECT 1 FROM b0 OFFSET ${limit - 1})`,
      sql`NOT EXISTS (SELECT 1 FROM (SELECT 1 FROM b0 UNION ALL SELECT 1 FROM b1) x OFFSET ${limit - 1})`,
    ];
    const band = (i: number) => sql`b${raw(String(i))} AS MATERIALIZED (
      SELECT * FROM (${bands[i]!(gates[i]!)}) s WHERE ${after} ORDER BY ${by} LIMIT ${limit})`;
    const total = withTotal ? sql`, (SELECT count(*)::int FROM probe) AS total` : sql``;
    const byDate = sql`"publishedAt" DESC NULLS LAST, id DESC`;
    return this.reader.queryUsingIndexes<SearchHitRow & { total?: number }>(
      withPrefetchedRelations(
        sql`
      WITH planned AS MATERIALIZED (
        SELECT a.id, a."publishedAt", COALESCE(a."searchTitleVector" @@ ${q}, FALSE) AS "inTitle"
        FROM "Article" a WHERE a."searchVector" @@ ${q} AND ${filter}
        ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT ${PLANNED_HITS}
      ), probe AS MATERIALIZED (
        SELECT * FROM planned LIMIT ${RANKED_HITS + 1}
      ), recent AS MATERIALIZED (
        SELECT * FROM probe ORDER BY ${byDate} LIMIT ${RANKED_HITS}
      ), ${band(0)}, ${band(1)}, ${band(2)}
      SELECT ${articleColumns(selection)}, s.score ${total}
      FROM (SELECT * FROM (SELECT * FROM b0 UNION ALL SELECT * FROM b1 UNION ALL SELECT * FROM b2) s
        ORDER BY ${by} LIMIT ${limit}) s
      JOIN "Article" a ON a.id = s.id
      ORDER BY ${by}`,
        selection,
      ),
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

  /**
   * The planner's estimate of the number of hits (from the search index's statistics). The row
   * count does not depend on the plan, so this one runs as it is, without the transaction that
   * turns sequential scans off (one round trip instead of three).
   */
  async estimate(viewer: Viewer, parsed: ParsedSearch, filter: Prisma.Sql): Promise<number> {
    const [row] = await this.reader.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
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
