import { Injectable } from '@nestjs/common';
import { toConnection, toPageRequest, type Connection, type Edge, type Viewer } from '@pressroom/common';
import type { Article as ArticleRow } from '@pressroom/database';
import type { ArticleSelection } from '../selection.js';
import { cursorOf, cursorValues, type SortOrder } from '../articles/article-order.js';
import type { SearchArgs } from './dto/search.args.js';
import { displayText, highlight } from './highlight.js';
import { parseSearch, type ParsedSearch } from './search-query.js';
import { EXACT_COUNT_LIMIT, SearchRepository, type SearchHitRow } from './search.repository.js';

export type { SearchHitRow } from './search.repository.js';

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

/** A page of hits; `totalCountIsEstimate` when totalCount is the planner's estimate. */
export type SearchConnection = Connection<SearchHitRow, SearchEdge> & { totalCountIsEstimate: boolean };

/** Full-text search over the articles the viewer may see: paging, scores and highlights. */
@Injectable()
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  /**
   * `selection`: what the query shows of the hits' articles, to read only that (all columns when
   * absent). `withTotal`: the query reads totalCount (or whether it is an estimate): counted
   * exactly up to EXACT_COUNT_LIMIT, estimated beyond; otherwise not counted.
   */
  async search(
    args: SearchArgs,
    viewer: Viewer,
    selection?: ArticleSelection,
    withTotal = true,
  ): Promise<SearchConnection> {
    const request = toPageRequest(args);
    const parsed = parseSearch(args.query);
    const order = searchOrder();
    const values = cursorValues(order, request);
    const filter = this.repository.filterOf(args.where, viewer);
    if (!parsed)
      return {
        ...toConnection<SearchHitRow, SearchEdge>([], request, 0, cursorOf(order)),
        totalCountIsEstimate: false,
      };
    const rows = await this.repository.hits(viewer, { parsed, filter, order, values, request, selection, withTotal });
    let total = 0;
    let totalCountIsEstimate = false;
    if (withTotal) {
      total = rows[0]?.total ?? (await this.repository.count(viewer, parsed, filter));
      if (total > EXACT_COUNT_LIMIT) {
        total = Math.max(total, await this.repository.estimate(viewer, parsed, filter));
        totalCountIsEstimate = true;
      }
    }
    const connection = toConnection<SearchHitRow, SearchEdge>(rows, request, total, cursorOf(order), (row, cursor) => {
      const { score, total: _total, ...node } = row as SearchHitRow & { total?: number };
      return {
        cursor,
        score,
        node,
        get highlight() {
          return snippet(node, parsed);
        },
      };
    });
    return Object.assign(connection, { totalCountIsEstimate });
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
