import type { Viewer } from '@pressroom/common';
import type { Article as ArticleRow } from '@pressroom/database';
import type { ArticleSelection } from '../selection.js';
import { articleOrder, type SortOrder } from './article-order.js';
import type { ArticleOrderByInput, ArticleWhereInput } from './dto/articles.args.js';

export interface ArticleListQuery {
  where?: ArticleWhereInput;
  orderBy?: ArticleOrderByInput;
  viewer: Viewer;
  /** What the query shows of the nodes, to read only that; all columns when absent. */
  selection?: ArticleSelection;
}

export function listOrder(query: ArticleListQuery): SortOrder<ArticleRow> {
  return articleOrder(query.orderBy);
}
