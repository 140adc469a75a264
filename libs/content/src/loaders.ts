import DataLoader from 'dataloader';
import type { Author as AuthorRow, PrismaService, Tag as TagRow } from '@pressroom/database';

/** Per-request batch loaders: one query per relation per request, never one per article. */
export interface ContentLoaders {
  authorsByArticleId: DataLoader<string, AuthorRow[]>;
  tagsByArticleId: DataLoader<string, TagRow[]>;
}

export function createContentLoaders(prisma: PrismaService): ContentLoaders {
  return {
    authorsByArticleId: new DataLoader(async (ids) => {
      const links = await prisma.articleAuthor.findMany({
        where: { articleId: { in: [...ids] } },
        include: { author: true },
        orderBy: { position: 'asc' },
      });
      return groupBy(ids, links, (l) => l.articleId, (l) => l.author);
    }),
    tagsByArticleId: new DataLoader(async (ids) => {
      const links = await prisma.articleTag.findMany({
        where: { articleId: { in: [...ids] } },
        include: { tag: true },
        orderBy: [{ tag: { kind: 'asc' } }, { tag: { name: 'asc' } }],
      });
      return groupBy(ids, links, (l) => l.articleId, (l) => l.tag);
    }),
  };
}

function groupBy<L, V>(ids: readonly string[], links: L[], keyOf: (l: L) => string, valueOf: (l: L) => V): V[][] {
  const byId = new Map<string, V[]>(ids.map((id) => [id, []]));
  for (const link of links) byId.get(keyOf(link))?.push(valueOf(link));
  return ids.map((id) => byId.get(id) ?? []);
}
