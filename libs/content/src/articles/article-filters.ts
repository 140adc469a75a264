import { BadUserInputError, canSeeUnpublished, type Viewer } from '@pressroom/common';
import { ArticleStatus, type Prisma } from '@pressroom/database';
import { ArticleOrderField, SortDirection, type ArticleOrderByInput, type ArticleWhereInput } from './dto/articles.args.js';

/** What anonymous readers may see: published, and not scheduled for later. */
export function visibleTo(viewer: Viewer, now = new Date()): Prisma.ArticleWhereInput {
  if (canSeeUnpublished(viewer)) return {};
  return { status: ArticleStatus.PUBLISHED, publishedAt: { lte: now } };
}

/** Translates the GraphQL filter into a Prisma where clause, visibility included. */
export function articleWhere(where: ArticleWhereInput | undefined, viewer: Viewer): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [visibleTo(viewer)];
  if (!where) return { AND: and };
  if (where.status?.length) {
    if (!canSeeUnpublished(viewer) && where.status.some((s) => s !== ArticleStatus.PUBLISHED)) {
      throw new BadUserInputError('Only editors may filter on unpublished statuses', 'where.status');
    }
    and.push({ status: { in: where.status } });
  }
  if (where.tagSlugs?.length) and.push({ tags: { some: { tag: { kind: 'TAG', slug: { in: where.tagSlugs } } } } });
  if (where.categorySlugs?.length) {
    and.push({ tags: { some: { tag: { kind: 'CATEGORY', slug: { in: where.categorySlugs } } } } });
  }
  if (where.authorSlug) and.push({ authors: { some: { author: { slug: where.authorSlug } } } });
  if (where.publishedAfter) and.push({ publishedAt: { gte: where.publishedAfter } });
  if (where.publishedBefore) and.push({ publishedAt: { lt: where.publishedBefore } });
  if (where.language) and.push({ language: where.language });
  if (where.text) {
    and.push({ OR: [{ title: { contains: where.text, mode: 'insensitive' } }, { body: { contains: where.text, mode: 'insensitive' } }] });
  }
  return { AND: and };
}

/** Sort order with `id` as the tie-break, so every page walk sees each article once. */
export function articleOrder(orderBy: ArticleOrderByInput | undefined, reverse: boolean): Prisma.ArticleOrderByWithRelationInput[] {
  const field = orderBy?.field ?? ArticleOrderField.PUBLISHED_AT;
  let direction = orderBy?.direction ?? SortDirection.DESC;
  if (reverse) direction = direction === SortDirection.ASC ? SortDirection.DESC : SortDirection.ASC;
  const primary: Prisma.ArticleOrderByWithRelationInput =
    field === ArticleOrderField.PUBLISHED_AT
      ? { publishedAt: { sort: direction, nulls: direction === SortDirection.DESC ? 'last' : 'first' } }
      : { [field]: direction };
  return [primary, { id: direction }];
}
