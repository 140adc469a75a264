import { Injectable } from '@nestjs/common';
import { NotFoundError, toConnection, toPageRequest, type Connection, type Viewer } from '@pressroom/common';
import { Prisma, PrismaService, type Article as ArticleRow } from '@pressroom/database';
import { visibleSql } from './article-filters.js';
import { cursorOf } from './article-order.js';
import { articleColumns, countArticles, listOrder, pageSql, type ArticleListQuery } from './article-queries.js';
import type { ArticlesArgs } from './dto/articles.args.js';

const { sql } = Prisma;

@Injectable()
export class ArticlesService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One article by id or slug, or null when it does not exist or the viewer may not see it.
   * `fields`: the GraphQL fields wanted, to read only their columns (all when absent).
   */
  async findOne(where: { id?: string; slug?: string }, viewer: Viewer, fields?: ReadonlySet<string>): Promise<ArticleRow | null> {
    const key = where.id ? sql`a.id = ${where.id}::uuid` : where.slug ? sql`a.slug = ${where.slug}` : null;
    if (!key) return null;
    const [row] = await this.prisma.$queryRaw<ArticleRow[]>(
      sql`SELECT ${articleColumns(fields)} FROM "Article" a WHERE ${key} AND ${visibleSql(viewer)}`,
    );
    return row ?? null;
  }

  /** Like findOne, but NOT_FOUND instead of null. */
  async getOne(where: { id?: string; slug?: string }, viewer: Viewer): Promise<ArticleRow> {
    const article = await this.findOne(where, viewer);
    if (!article) throw new NotFoundError('Article', where);
    return article;
  }

  /** A keyset-paginated page; the total is counted only when the query asks for it. */
  async list(args: ArticlesArgs, viewer: Viewer, fields?: ReadonlySet<string>): Promise<Connection<ArticleRow>> {
    const query: ArticleListQuery = { where: args.where, orderBy: args.orderBy, viewer, fields };
    const request = toPageRequest(args);
    const rows = await this.prisma.$queryRaw<ArticleRow[]>(pageSql(query, request, null));
    return toConnection(rows, request, () => countArticles(this.prisma, query), cursorOf(listOrder(query)));
  }
}
