import { Injectable } from '@nestjs/common';
import { escapeLike, toConnection, toPageRequest, type Connection } from '@pressroom/common';
import { PrismaService, type Prisma, type Tag as TagRow, type TagKind } from '@pressroom/database';
import { afterName, nameCursor, nameOrder } from '../name-order.js';
import type { TagsArgs } from './dto/tags.args.js';

@Injectable()
export class TagsService {
  constructor(private readonly prisma: PrismaService) {}

  findOne(where: { id?: string; slug?: string; kind: TagKind }): Promise<TagRow | null> {
    if (where.id) return this.prisma.tag.findUnique({ where: { id: where.id } });
    if (where.slug) return this.prisma.tag.findUnique({ where: { kind_slug: { kind: where.kind, slug: where.slug } } });
    return Promise.resolve(null);
  }

  async list(args: TagsArgs): Promise<Connection<TagRow>> {
    const request = toPageRequest(args);
    const where: Prisma.TagWhereInput = {
      ...(args.kind ? { kind: args.kind } : {}),
      ...(args.nameContains ? { name: { contains: escapeLike(args.nameContains), mode: 'insensitive' } } : {}),
    };
    const rows = await this.prisma.tag.findMany({
      where: { AND: [where, afterName(request)] },
      orderBy: nameOrder(request),
      take: request.take + 1,
    });
    return toConnection(rows, request, () => this.prisma.tag.count({ where }), nameCursor);
  }
}
