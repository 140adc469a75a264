import { Injectable } from '@nestjs/common';
import { cursorTuple, toConnection, type Connection, type PageRequest } from '@pressroom/common';
import { PrismaService, type ImportItem, type Prisma } from '@pressroom/database';
import type { ItemOutcome } from './import-counts.js';

/** Every file's outcome in one job, a page at a time, in path order (unique within a job). */
@Injectable()
export class ImportItemsService {
  constructor(private readonly prisma: PrismaService) {}

  /** One query for the page; the count runs only when `totalCount` is read. */
  async page(jobId: string, outcome: ItemOutcome | undefined, request: PageRequest): Promise<Connection<ImportItem>> {
    const after = cursorTuple(request, ['text'], 'item')?.[0] as string | undefined;
    const where: Prisma.ImportItemWhereInput = { jobId, ...(outcome ? { outcome } : {}) };
    const rows = await this.prisma.importItem.findMany({
      where: after === undefined ? where : { ...where, path: request.backward ? { lt: after } : { gt: after } },
      orderBy: { path: request.backward ? 'desc' : 'asc' },
      take: request.take + 1,
    });
    return toConnection(
      // A file without warnings stores none (NULL); it reads as an empty list.
      rows.map((row) => ({ ...row, warnings: row.warnings ?? [] })),
      request,
      () => this.prisma.importItem.count({ where }),
      (row) => ['item', row.path],
    );
  }
}
