import { Injectable } from '@nestjs/common';
import { NotFoundError, toConnection, toPageRequest, type Connection, type Viewer } from '@pressroom/common';
import { PrismaService, type Article as ArticleRow } from '@pressroom/database';
import { articleOrder, articleWhere, visibleTo } from './article-filters.js';
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

  async list(args: ArticlesArgs, viewer: Viewer): Promise<Connection<ArticleRow>> {
    const request = toPageRequest(args);
    const where = articleWhere(args.where, viewer);
    const [rows, totalCount] = await Promise.all([
      this.prisma.article.findMany({
        where,
        orderBy: articleOrder(args.orderBy, request.backward),
        take: request.take + 1,
        ...(request.cursor ? { cursor: { id: String(request.cursor[0]) }, skip: 1 } : {}),
      }),
      this.prisma.article.count({ where }),
    ]);
    return toConnection(rows, request, totalCount, (row) => [row.id]);
  }
}
