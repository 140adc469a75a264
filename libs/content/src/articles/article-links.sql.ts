import { canSeeUnpublished, type Viewer } from '@pressroom/common';
import { Prisma } from '@pressroom/database';
import type { SortOrder } from './article-order.js';
import type { ArticleWhereInput } from './dto/articles.args.js';

const { sql, raw } = Prisma;

/**
 * A list confined to one tag's or one author's articles, read from the link table (aliased `l`),
 * which carries each article's status and date (copied by triggers, migration
 * link_article_visibility) and has an index in list order per tag and per author. Issue 14: read
 * from the article's date index, a tag on one article in a hundred cost a walk of thousands of
 * articles per page at a million.
 */
export interface LinkWalk {
  table: Prisma.Sql;
  /** `l."tagId"` or `l."authorId"`. */
  key: Prisma.Sql;
  /** The tag's or author's id, as SQL (a parameter, a column of an outer query, or a lookup). */
  id: Prisma.Sql;
  /** Nothing else filters the list: a count can be read from the link's index alone. */
  alone: boolean;
  /** The filter less the condition the walk stands for (checked on each article it leads to). */
  rest: ArticleWhereInput | undefined;
}

const TABLES = {
  tag: { table: raw('"ArticleTag"'), key: raw('l."tagId"') },
  author: { table: raw('"ArticleAuthor"'), key: raw('l."authorId"') },
};

/** The conditions of a filter that are set (`null` and `undefined` are not, as the filter reads them). */
export function setKeys(where: ArticleWhereInput | undefined): string[] {
  return Object.entries(where ?? {})
    .filter(([, v]) => v != null)
    .map(([k]) => k);
}

function single(values: string[] | undefined): string | null {
  return values?.length && new Set(values).size === 1 ? values[0]! : null;
}

/**
 * The link walk for a list of a parent's articles (`scope`: tag { articles }, author { articles })
 * or for a filter on exactly one tag, category or author; null when the list has neither.
 */
export function linkWalkOf(
  where: ArticleWhereInput | undefined,
  scope: { kind: 'author' | 'tag'; id: Prisma.Sql } | null,
): LinkWalk | null {
  const keys = setKeys(where);
  if (scope) return { ...TABLES[scope.kind], id: scope.id, alone: keys.length === 0, rest: where };
  // The condition the walk replaces is left out of the rest: kept, the planner would drive the
  // page from it (a semi-join) and sort, instead of walking the link's index.
  const alone = keys.length === 1;
  const tag = single(where?.tagSlugs);
  if (tag !== null) return { ...TABLES.tag, id: tagIdSql('TAG', tag), alone, rest: { ...where, tagSlugs: undefined } };
  const category = single(where?.categorySlugs);
  if (category !== null) {
    return { ...TABLES.tag, id: tagIdSql('CATEGORY', category), alone, rest: { ...where, categorySlugs: undefined } };
  }
  if (where?.authorSlug != null) {
    const id = sql`(SELECT u.id FROM "Author" u WHERE u.slug = ${where.authorSlug})`;
    return { ...TABLES.author, id, alone, rest: { ...where, authorSlug: undefined } };
  }
  return null;
}

function tagIdSql(kind: 'TAG' | 'CATEGORY', slug: string): Prisma.Sql {
  return sql`(SELECT t.id FROM "Tag" t WHERE t.kind = ${kind}::"TagKind" AND t.slug = ${slug})`;
}

/** visibleSql on the link's copies (`l`), so that the index skips what the viewer may not see. */
export function linkVisibleSql(viewer: Viewer): Prisma.Sql {
  return canSeeUnpublished(viewer)
    ? sql`TRUE`
    : sql`(l."articleStatus" = 'PUBLISHED' AND (l."articlePublishedAt" IS NULL OR l."articlePublishedAt" <= now()))`;
}

/** The date order on the link's copies (same values, so the same cursors); null for other orders. */
export function linkOrderOf<T>(order: SortOrder<T>): SortOrder<T> | null {
  if (order.name !== 'publishedAt') return null;
  const column = { 'a."publishedAt"': 'l."articlePublishedAt"', 'a.id': 'l."articleId"' } as Record<string, string>;
  return { ...order, keys: order.keys.map((k) => ({ ...k, expression: column[k.expression]! })) };
}
