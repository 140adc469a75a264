import { Injectable } from '@nestjs/common';
import { toConnection, toPageRequest, type Connection } from '@pressroom/common';
import { PrismaService, type Prisma, type Tag as TagRow, type TagKind } from '@pressroom/database';
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
      ...(args.nameContains ? { name: { contains: args.nameContains, mode: 'insensitive' } } : {}),
    };
    const direction = request.backward ? 'desc' : 'asc';
    const [rows, totalCount] = await Promise.all([
      this.prisma.tag.findMany({
        where,
        orderBy: [{ name: direction }, { id: direction }],
        take: request.take + 1,
        ...(request.cursor ? { cursor: { id: String(request.cursor[0]) }, skip: 1 } : {}),
      }),
      this.prisma.tag.count({ where }),
    ]);
    return toConnection(rows, request, totalCount, (row) => [row.id]);
  }
}
