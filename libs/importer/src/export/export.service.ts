import { Injectable } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { exportFileName, serializePost, type ExportableArticle } from '@pressroom/frontmatter';

const PAGE = 200;

export interface ExportedFile {
  path: string;
  content: string;
}

/**
 * Every article as a front-matter file (YAML header with every field and the kept
 * frontMatter keys, then the body as stored), read a page at a time so memory stays flat.
 */
@Injectable()
export class ExportService {
  constructor(private readonly prisma: PrismaService) {}

  async *files(): AsyncGenerator<ExportedFile> {
    let cursor: string | undefined;
    for (;;) {
      const page = await this.prisma.article.findMany({
        orderBy: { id: 'asc' },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        include: {
          authors: { include: { author: true }, orderBy: { position: 'asc' } },
          tags: { include: { tag: true } },
          redirects: { select: { path: true }, orderBy: { path: 'asc' } },
        },
      });
      for (const row of page) {
        const article: ExportableArticle = {
          ...row,
          frontMatter: (row.frontMatter ?? {}) as Record<string, unknown>,
          authors: row.authors.map((a) => ({ name: a.author.name })),
          tags: row.tags
            .map((t) => ({ name: t.tag.name, kind: t.tag.kind }))
            .sort((a, b) => (a.kind + a.name).localeCompare(b.kind + b.name)),
          redirects: row.redirects.map((r) => r.path),
        };
        yield { path: exportFileName(row), content: serializePost(article) };
      }
      if (page.length < PAGE) return;
      cursor = page.at(-1)!.id;
    }
  }
}
