import { Injectable } from '@nestjs/common';
import { NotFoundError, toConnection, toPageRequest, type Connection, type Viewer } from '@pressroom/common';
import type { Article as ArticleRow } from '@pressroom/database';
import { redirectKey } from '@pressroom/frontmatter';
import type { ArticleSelection } from '../selection.js';
import { SqlReader } from '../sql-reader.service.js';
import { listOrder, type ArticleListQuery } from './article-list-query.js';
import { cursorOf } from './article-order.js';
import {
  articlePage,
  articlePageWithTotal,
  countArticles,
  findArticle,
  findArticleByRedirect,
  nextScheduledPublication,
} from './articles.repository.js';
import type { ArticlesArgs } from './dto/articles.args.js';

@Injectable()
export class ArticlesService {
  constructor(private readonly reader: SqlReader) {}

  /**
   * One article by id or slug, or null when it does not exist or the viewer may not see it.
   * `selection`: what the query shows, to read only that (all columns when absent).
   */
  findOne(
    where: { id?: string; slug?: string },
    viewer: Viewer,
    selection?: ArticleSelection,
  ): Promise<ArticleRow | null> {
    return findArticle(this.reader, where, viewer, selection);
  }

  /** The article an old URL path leads to (see redirectKey), in one query; null as for findOne. */
  async findByRedirect(path: string, viewer: Viewer, selection?: ArticleSelection): Promise<ArticleRow | null> {
    const key = redirectKey(path);
    if (key === null) return null;
    return findArticleByRedirect(this.reader, key, viewer, selection);
  }

  /**
   * When the next scheduled article (PUBLISHED, publishedAt still ahead) shows to anonymous
   * readers; null when none is scheduled. One probe of the (status, publishedAt) index, where
   * anonymous readers read (the replica, when there is one).
   */
  nextScheduledPublication(): Promise<Date | null> {
    return nextScheduledPublication(this.reader);
  }

  /** Like findOne, but NOT_FOUND instead of null. */
  async getOne(where: { id?: string; slug?: string }, viewer: Viewer): Promise<ArticleRow> {
    const article = await this.findOne(where, viewer);
    if (!article) throw new NotFoundError('Article', where);
    return article;
  }

  /**
   * A keyset-paginated page. `withTotal` (the query selects totalCount): the page and its count
   * in one statement; otherwise a count only if totalCount is read after all.
   */
  async list(
    args: ArticlesArgs,
    viewer: Viewer,
    selection?: ArticleSelection,
    withTotal = false,
  ): Promise<Connection<ArticleRow>> {
    const query: ArticleListQuery = { where: args.where, orderBy: args.orderBy, viewer, selection };
    const request = toPageRequest(args);
    const cursors = cursorOf(listOrder(query));
    if (!withTotal) {
      const rows = await articlePage(this.reader, query, request);
      return toConnection(rows, request, () => countArticles(this.reader, query), cursors);
    }
    const { rows, total } = await articlePageWithTotal(this.reader, query, request);
    return toConnection(rows, request, total, cursors);
  }
}
