import { Injectable } from '@nestjs/common';
import { toConnection, toPageRequest, type Connection } from '@pressroom/common';
import { PrismaService, type Author as AuthorRow, type Prisma } from '@pressroom/database';
import type { AuthorsArgs } from './dto/authors.args.js';

@Injectable()
export class AuthorsService {
  constructor(private readonly prisma: PrismaService) {}

  findOne(where: { id?: string; slug?: string }): Promise<AuthorRow | null> {
    const key = where.id ? { id: where.id } : where.slug ? { slug: where.slug } : null;
    return key ? this.prisma.author.findUnique({ where: key }) : Promise.resolve(null);
  }

  async list(args: AuthorsArgs): Promise<Connection<AuthorRow>> {
    const request = toPageRequest(args);
    const where: Prisma.AuthorWhereInput = args.nameContains
      ? { name: { contains: args.nameContains, mode: 'insensitive' } }
      : {};
    const direction = request.backward ? 'desc' : 'asc';
    const [rows, totalCount] = await Promise.all([
      this.prisma.author.findMany({
        where,
        orderBy: [{ name: direction }, { id: direction }],
        take: request.take + 1,
        ...(request.cursor ? { cursor: { id: String(request.cursor[0]) }, skip: 1 } : {}),
      }),
      this.prisma.author.count({ where }),
    ]);
    return toConnection(rows, request, totalCount, (row) => [row.id]);
  }
}
