import { Injectable } from '@nestjs/common';
import { ANONYMOUS, NotFoundError, toConnection, toPageRequest, type Connection, type Viewer } from '@pressroom/common';
import { Prisma, type Article as ArticleRow } from '@pressroom/database';
import { redirectKey } from '@pressroom/frontmatter';
import type { ArticleSelection } from '../selection.js';
import { SqlReader } from '../sql-reader.service.js';
import { visibleOrPreviewedSql, visibleSql } from './article-filters.js';
import { cursorOf } from './article-order.js';
import { articleColumns, countArticles, listOrder, pageSql, type ArticleListQuery } from './article-queries.js';
import type { ArticlesArgs } from './dto/articles.args.js';

const { sql } = Prisma;

@Injectable()
export class ArticlesService {
  constructor(private readonly reader: SqlReader) {}

  /**
   * One article by id or slug, or null when it does not exist or the viewer may not see it.
   * `selection`: what the query shows, to read only that (all columns when absent).
   */
  async findOne(
    where: { id?: string; slug?: string },
    viewer: Viewer,
    selection?: ArticleSelection,
  ): Promise<ArticleRow | null> {
    const key = where.id ? sql`a.id = ${where.id}::uuid` : where.slug ? sql`a.slug = ${where.slug}` : null;
    if (!key) return null;
    const [row] = await this.reader.query<ArticleRow>(
      sql`SELECT ${articleColumns(selection)} FROM "Article" a WHERE ${key} AND ${visibleOrPreviewedSql(viewer)}`,
      viewer,
    );
    return row ?? null;
  }

  /** The article an old URL path leads to (see redirectKey), in one query; null as for findOne. */
  async findByRedirect(path: string, viewer: Viewer, selection?: ArticleSelection): Promise<ArticleRow | null> {
    const key = redirectKey(path);
    if (key === null) return null;
    const [row] = await this.reader.query<ArticleRow>(
      sql`SELECT ${articleColumns(selection)} FROM "Redirect" r JOIN "Article" a ON a.id = r."articleId"
          WHERE r.path = ${key} AND ${visibleSql(viewer)}`,
      viewer,
    );
    return row ?? null;
  }

  /**
   * When the next scheduled article (PUBLISHED, publishedAt still ahead) shows to anonymous
   * readers; null when none is scheduled. One probe of the (status, publishedAt) index, where
   * anonymous readers read (the replica, when there is one).
   */
  async nextScheduledPublication(): Promise<Date | null> {
    const [row] = await this.reader.query<{ at: Date | null }>(
      sql`SELECT min("publishedAt") AS at FROM "Article" WHERE status = 'PUBLISHED' AND "publishedAt" > now()`,
      ANONYMOUS,
    );
    return row?.at ?? null;
  }

  /** Like findOne, but NOT_FOUND instead of null. */
  async getOne(where: { id?: string; slug?: string }, viewer: Viewer): Promise<ArticleRow> {
    const article = await this.findOne(where, viewer);
    if (!article) throw new NotFoundError('Article', where);
    return article;
  }

  /** A keyset-paginated page; the total is counted only when the query asks for it. */
  async list(args: ArticlesArgs, viewer: Viewer, selection?: ArticleSelection): Promise<Connection<ArticleRow>> {
    const query: ArticleListQuery = { where: args.where, orderBy: args.orderBy, viewer, selection };
    const request = toPageRequest(args);
    const rows = await this.reader.query<ArticleRow>(pageSql(query, request, null), viewer);
    return toConnection(rows, request, () => countArticles(this.reader, query), cursorOf(listOrder(query)));
  }
}
