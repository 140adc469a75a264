import { Injectable } from '@nestjs/common';
import { toConnection, toPageRequest, type Connection, type Edge, type Viewer } from '@pressroom/common';
import { Prisma, type Article as ArticleRow } from '@pressroom/database';
import type { ArticleSelection } from '../selection.js';
import { SqlReader } from '../sql-reader.service.js';
import { articleFilterSql } from '../articles/article-filters.js';
import { cursorOf, cursorValues, keysetSql, orderBySql, type SortOrder } from '../articles/article-order.js';
import { articleColumns } from '../articles/article-queries.js';
import type { SearchArgs } from './dto/search.args.js';
import { displayText, highlight } from './highlight.js';
import { parseSearch, type ParsedSearch } from './search-query.js';

const { sql } = Prisma;

export type SearchHitRow = ArticleRow & { score: number };

export interface SearchEdge extends Edge<ArticleRow> {
  score: number;
  /** A getter: computed only when the query selects it. */
  readonly highlight: string;
}

/** Best first, then the more recently published, then id: a total order for keyset paging. */
function searchOrder(): SortOrder<SearchHitRow> {
  return {
    name: 'search',
    keys: [
      { expression: 's.score', type: 'float8', descending: true, nullable: false },
      { expression: 's."publishedAt"', type: 'timestamptz', descending: true, nullable: true },
      { expression: 's.id', type: 'uuid', descending: true, nullable: false },
    ],
    valuesOf: (row) => [row.score, row.publishedAt?.toISOString() ?? null, row.id],
  };
}

/**
 * Hits whose body relevance is computed: ranking reads each hit's whole vector (about 15 KB of
 * positions, out of line: some 40 µs each), so a word found in much of a large archive would
 * read them all. Older hits still rank by whether their title matches, then by date.
 */
export const RANKED_HITS = 200;

/** Full-text search over the articles the viewer may see (see migration add_article_search). */
@Injectable()
export class SearchService {
  constructor(private readonly reader: SqlReader) {}

  /** `selection`: what the query shows of the hits' articles, to read only that (all columns when absent). */
  async search(
    args: SearchArgs,
    viewer: Viewer,
    selection?: ArticleSelection,
  ): Promise<Connection<SearchHitRow, SearchEdge>> {
    const request = toPageRequest(args);
    const parsed = parseSearch(args.query);
    const order = searchOrder();
    const values = cursorValues(order, request);
    const filter = articleFilterSql(args.where, viewer);
    if (!parsed) return toConnection<SearchHitRow, SearchEdge>([], request, 0, cursorOf(order));
    // One pass over the hits gives each its recency and the total; only the page's rows are
    // joined back for their columns.
    const rows = await this.usingIndex<SearchHitRow & { total: number }>(
      viewer,
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
    );
    const total = rows[0]?.total;
    return toConnection<SearchHitRow, SearchEdge>(
      rows,
      request,
      total ?? (() => this.count(parsed, filter, viewer)),
      cursorOf(order),
      (row, cursor) => {
        const { score, total: _total, ...node } = row as SearchHitRow & { total?: number };
        return {
          cursor,
          score,
          node,
          get highlight() {
            return snippet(node, parsed);
          },
        };
      },
    );
  }

  private async count(parsed: ParsedSearch, filter: Prisma.Sql, viewer: Viewer): Promise<number> {
    const [row] = await this.usingIndex<{ count: number }>(
      viewer,
      sql`
      SELECT count(*)::int AS count FROM "Article" a
      WHERE a."searchVector" @@ to_tsquery('pressroom_search', ${parsed.tsquery}) AND ${filter}`,
    );
    return row?.count ?? 0;
  }

  /**
   * Runs a search statement with sequential scans off. For a word in most articles the planner
   * prefers reading the table to the GIN index, not knowing that the scan must then unpack
   * every row's out-of-line vector: ten times slower than the index.
   */
  private usingIndex<R>(viewer: Viewer, query: Prisma.Sql): Promise<R[]> {
    return this.reader.queryUsingIndexes<R>(query, viewer);
  }
}

/** Around the first match in the body, else in the excerpt; else the start of the body. */
function snippet(article: ArticleRow, parsed: ParsedSearch): string {
  const body = displayText(article.html);
  const marked = highlight(body, parsed.terms);
  if (marked.includes('<mark>')) return marked;
  const excerpt = article.excerpt ? highlight(article.excerpt, parsed.terms) : '';
  return excerpt.includes('<mark>') || !body ? excerpt : marked;
}
