import { BadUserInputError, canSeeUnpublished, escapeLike, type Viewer } from '@pressroom/common';
import { ArticleStatus, Prisma } from '@pressroom/database';
import type { ArticleWhereInput } from './dto/articles.args.js';

const { sql, join } = Prisma;

/**
 * What anonymous readers may see: published, and not scheduled for later (article aliased `a`).
 * A published article without a date is visible (issue 12: undated Hugo pages).
 */
export function visibleSql(viewer: Viewer): Prisma.Sql {
  return canSeeUnpublished(viewer)
    ? sql`TRUE`
    : sql`(a.status = 'PUBLISHED' AND (a."publishedAt" IS NULL OR a."publishedAt" <= now()))`;
}

/** visibleSql, plus the article a preview token unlocks: for `article(id|slug)` only, never lists. */
export function visibleOrPreviewedSql(viewer: Viewer): Prisma.Sql {
  if (!viewer.previewArticleId) return visibleSql(viewer);
  return sql`(${visibleSql(viewer)} OR a.id = ${viewer.previewArticleId}::uuid)`;
}

/** The GraphQL filter as a SQL condition on the article aliased `a`, visibility included. */
export function articleFilterSql(where: ArticleWhereInput | undefined, viewer: Viewer): Prisma.Sql {
  return where ? sql`${visibleSql(viewer)} AND ${whereSql(where, viewer, 'where')}` : visibleSql(viewer);
}

function whereSql(where: ArticleWhereInput, viewer: Viewer, path: string): Prisma.Sql {
  const and: Prisma.Sql[] = [...fieldConditions(where, viewer, path)];
  where.AND?.forEach((w, i) => and.push(whereSql(w, viewer, `${path}.AND.${i}`)));
  if (where.OR) {
    const or = where.OR.map((w, i) => whereSql(w, viewer, `${path}.OR.${i}`));
    and.push(or.length ? sql`(${join(or, ' OR ')})` : sql`FALSE`);
  }
  if (where.NOT) and.push(sql`NOT ${whereSql(where.NOT, viewer, `${path}.NOT`)}`);
  return and.length ? sql`(${join(and, ' AND ')})` : sql`TRUE`;
}

function fieldConditions(where: ArticleWhereInput, viewer: Viewer, path: string): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (where.status?.length) {
    if (!canSeeUnpublished(viewer) && where.status.some((s) => s !== ArticleStatus.PUBLISHED)) {
      throw new BadUserInputError('Only editors may filter on unpublished statuses', `${path}.status`);
    }
    and.push(sql`a.status::text = ANY(${where.status}::text[])`);
  }
  if (where.tagSlugs?.length) and.push(hasAnyTag('TAG', where.tagSlugs));
  if (where.allTagSlugs?.length) {
    const slugs = [...new Set(where.allTagSlugs)];
    and.push(sql`(SELECT count(*) FROM "ArticleTag" x JOIN "Tag" t ON t.id = x."tagId"
      WHERE x."articleId" = a.id AND t.kind = 'TAG' AND t.slug = ANY(${slugs}::text[])) = ${slugs.length}::int`);
  }
  if (where.categorySlugs?.length) and.push(hasAnyTag('CATEGORY', where.categorySlugs));
  if (where.authorSlug != null) {
    and.push(sql`EXISTS (SELECT 1 FROM "ArticleAuthor" x JOIN "Author" u ON u.id = x."authorId"
      WHERE x."articleId" = a.id AND u.slug = ${where.authorSlug})`);
  }
  if (where.publishedAfter) and.push(sql`a."publishedAt" >= ${where.publishedAfter.toISOString()}::timestamptz`);
  if (where.publishedBefore) and.push(sql`a."publishedAt" < ${where.publishedBefore.toISOString()}::timestamptz`);
  if (where.language != null) and.push(sql`a.language = ${where.language}`);
  if (where.text != null) and.push(textSql(where.text, viewer));
  return and;
}

/**
 * `text`: a substring of the title, or (editors only) of the title or the body. Matching bodies
 * reads every body (no index serves `%…%` on 5 KB texts at a useful size), so anyone could make
 * the server scan the archive; readers have `search` for bodies (issue 14, docs/decisions.md).
 * Titles are served by a trigram index where the server has pg_trgm.
 */
function textSql(text: string, viewer: Viewer): Prisma.Sql {
  const pattern = `%${escapeLike(text)}%`;
  return canSeeUnpublished(viewer)
    ? sql`(a.title ILIKE ${pattern} OR a.body ILIKE ${pattern})`
    : sql`a.title ILIKE ${pattern}`;
}

function hasAnyTag(kind: 'TAG' | 'CATEGORY', slugs: string[]): Prisma.Sql {
  return sql`EXISTS (SELECT 1 FROM "ArticleTag" x JOIN "Tag" t ON t.id = x."tagId"
    WHERE x."articleId" = a.id AND t.kind = ${kind}::"TagKind" AND t.slug = ANY(${slugs}::text[]))`;
}
