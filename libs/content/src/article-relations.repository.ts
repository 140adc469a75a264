import type { Viewer } from '@pressroom/common';
import { Prisma, type Author as AuthorRow, type Tag as TagRow } from '@pressroom/database';
import type { SqlReader } from './sql-reader.service.js';

const { sql } = Prisma;

/** The authors of many articles in one statement, in each article's byline order. */
export function authorsOfArticles(
  reader: SqlReader,
  viewer: Viewer,
  articleIds: readonly string[],
): Promise<(AuthorRow & { articleId: string })[]> {
  return reader.query(
    sql`SELECT l."articleId"::text AS "articleId", u.* FROM "ArticleAuthor" l JOIN "Author" u ON u.id = l."authorId"
        WHERE l."articleId" = ANY(${[...articleIds]}::uuid[]) ORDER BY l.position`,
    viewer,
  );
}

/** The tags of many articles in one statement, categories first, then by name. */
export function tagsOfArticles(
  reader: SqlReader,
  viewer: Viewer,
  articleIds: readonly string[],
): Promise<(TagRow & { articleId: string })[]> {
  return reader.query(
    sql`SELECT l."articleId"::text AS "articleId", t.* FROM "ArticleTag" l JOIN "Tag" t ON t.id = l."tagId"
        WHERE l."articleId" = ANY(${[...articleIds]}::uuid[]) ORDER BY t.kind, t.name, t.id`,
    viewer,
  );
}
