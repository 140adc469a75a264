import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@pressroom/database';
import type { ExportableArticle, exportFileName, serializePost } from '@pressroom/frontmatter';

const PAGE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const WITH_RELATIONS = {
  authors: { include: { author: true }, orderBy: { position: 'asc' } },
  tags: { include: { tag: true } },
  redirects: { select: { path: true }, orderBy: { path: 'asc' } },
} satisfies Prisma.ArticleInclude;

type ExportRow = Prisma.ArticleGetPayload<{ include: typeof WITH_RELATIONS }>;

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
    const { exportFileName, serializePost } = await serializer();
    let cursor: string | undefined;
    for (;;) {
      const page = await this.prisma.article.findMany({
        orderBy: { id: 'asc' },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        include: WITH_RELATIONS,
      });
      for (const row of page) yield { path: exportFileName(row), content: serializePost(exportable(row)) };
      if (page.length < PAGE) return;
      cursor = page.at(-1)!.id;
    }
  }

  /**
   * What exporting the articles of these identities gives now, by identity: a file that is
   * exactly that is an export of the article as it stands, so importing it changes nothing.
   */
  async exportsOf(identities: string[]): Promise<Map<string, { articleId: string; content: string }>> {
    if (!identities.length) return new Map();
    const { serializePost } = await serializer();
    const rows = await this.prisma.article.findMany({
      where: {
        OR: [
          { importKey: { in: identities } },
          { importKey: null, id: { in: identities.filter((k) => UUID.test(k)) } },
        ],
      },
      include: WITH_RELATIONS,
    });
    return new Map(
      rows.map((row) => [row.importKey ?? row.id, { articleId: row.id, content: serializePost(exportable(row)) }]),
    );
  }
}

/**
 * The serialiser, loaded when first used: it brings the parser's YAML modules, which an import
 * that exports nothing (an unchanged re-import) need not load on its main thread (issue 15).
 */
function serializer(): Promise<{ exportFileName: typeof exportFileName; serializePost: typeof serializePost }> {
  return import('@pressroom/frontmatter');
}

function exportable(row: ExportRow): ExportableArticle {
  return {
    ...row,
    frontMatter: (row.frontMatter ?? {}) as Record<string, unknown>,
    importKey: row.importKey ?? row.id,
    authors: row.authors.map((a) => ({ name: a.author.name })),
    tags: row.tags
      .map((t) => ({ name: t.tag.name, kind: t.tag.kind }))
      .sort((a, b) => (a.kind + a.name).localeCompare(b.kind + b.name)),
    redirects: row.redirects.map((r) => r.path),
  };
}
