import { Injectable } from '@nestjs/common';
import { NotFoundError, toConnection, toPageRequest, type Connection, type Viewer } from '@pressroom/common';
import { PrismaService, type Article as ArticleRow } from '@pressroom/database';
import { visibleTo } from './article-filters.js';
import { cursorOf } from './article-order.js';
import { countArticles, listOrder, pageSql, type ArticleListQuery } from './article-queries.js';
import type { ArticlesArgs } from './dto/articles.args.js';

@Injectable()
export class ArticlesService {
  constructor(private readonly prisma: PrismaService) {}

  /** One article by id or slug, or null when it does not exist or the viewer may not see it. */
  findOne(where: { id?: string; slug?: string }, viewer: Viewer): Promise<ArticleRow | null> {
    const key = where.id ? { id: where.id } : where.slug ? { slug: where.slug } : null;
    if (!key) return Promise.resolve(null);
    return this.prisma.article.findFirst({ where: { ...key, ...visibleTo(viewer) } });
  }

  /** Like findOne, but NOT_FOUND instead of null. */
  async getOne(where: { id?: string; slug?: string }, viewer: Viewer): Promise<ArticleRow> {
    const article = await this.findOne(where, viewer);
    if (!article) throw new NotFoundError('Article', where);
    return article;
  }

  /** A keyset-paginated page; the total is counted only when the query asks for it. */
  async list(args: ArticlesArgs, viewer: Viewer): Promise<Connection<ArticleRow>> {
    const query: ArticleListQuery = { where: args.where, orderBy: args.orderBy, viewer };
    const request = toPageRequest(args);
    const rows = await this.prisma.$queryRaw<ArticleRow[]>(pageSql(query, request, null));
    return toConnection(rows, request, () => countArticles(this.prisma, query), cursorOf(listOrder(query)));
  }
}
