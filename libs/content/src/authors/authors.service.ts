import { Injectable } from '@nestjs/common';
import { escapeLike, toConnection, toPageRequest, type Connection } from '@pressroom/common';
import { PrismaService, type Author as AuthorRow, type Prisma } from '@pressroom/database';
import { afterName, nameCursor, nameOrder } from '../name-order.js';
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
      ? { name: { contains: escapeLike(args.nameContains), mode: 'insensitive' } }
      : {};
    const rows = await this.prisma.author.findMany({
      where: { AND: [where, afterName(request)] },
      orderBy: nameOrder(request),
      take: request.take + 1,
    });
    return toConnection(rows, request, () => this.prisma.author.count({ where }), nameCursor);
  }
}
