import { ANONYMOUS, type PageRequest, type Viewer } from '@pressroom/common';
import { Prisma, type Article as ArticleRow } from '@pressroom/database';
import type { SqlReader } from '../sql-reader.service.js';
import type { ArticleSelection } from '../selection.js';
import { ARTICLE_COLUMNS } from './article-columns.js';
import { articleFilterSql, visibleOrPreviewedSql, visibleSql } from './article-filters.sql.js';
import { linkOrderOf, linkVisibleSql, linkWalkOf, setKeys, type LinkWalk } from './article-links.sql.js';
import { listOrder, type ArticleListQuery } from './article-list-query.js';
import { cursorValues } from './article-order.js';
import { keysetSql, orderBySql, splitKeysetSql } from './article-order.sql.js';
import { withPrefetchedRelations } from './prefetched-relations.sql.js';

const { sql, raw } = Prisma;

// What cursors, ordering and relations need, whatever the query shows.
const ALWAYS = new Set(['id', 'title', 'publishedAt', 'updatedAt']);

/**
 * The columns to read for the GraphQL fields a query selected (see selectedFields), or all of
 * them. Only `id`, the sort keys and what was asked for: body and HTML are most of the bytes.
 * Authors and tags, when selected, are added around the whole statement (withPrefetchedRelations).
 */
export function articleColumns(selection?: ArticleSelection): Prisma.Sql {
  const fields = selection?.fields;
  const columns = (fields ? ARTICLE_COLUMNS.filter((c) => ALWAYS.has(c) || fields.has(c)) : ARTICLE_COLUMNS).map(
    (c) => `a."${c}"`,
  );
  return raw(columns.join(', '));
}

/** Restricts a list to the articles of one author or one tag (the parent of a nested list). */
type ArticleScope = { kind: 'author' | 'tag'; id: Prisma.Sql } | null;

/** Filter, visibility and scope as one condition on `a`. */
function conditionSql(query: ArticleListQuery, scope: ArticleScope): Prisma.Sql {
  const filter = articleFilterSql(query.where, query.viewer);
  if (!scope) return filter;
  const link =
    scope.kind === 'author'
      ? sql`EXISTS (SELECT 1 FROM "ArticleAuthor" l WHERE l."articleId" = a.id AND l."authorId" = ${scope.id})`
      : sql`EXISTS (SELECT 1 FROM "ArticleTag" l WHERE l."articleId" = a.id AND l."tagId" = ${scope.id})`;
  return sql`${link} AND ${filter}`;
}

/** One page (take + 1 rows, in query order) of a list, as SQL (also the inner query of pagesFor). */
function pageSql(query: ArticleListQuery, request: PageRequest, scope: ArticleScope): Prisma.Sql {
  const order = listOrder(query);
  const values = cursorValues(order, request);
  const walk = linkWalkOf(query.where, scope);
  const linkOrder = walk && linkOrderOf(order);
  const columns = articleColumns(query.selection);
  // Newest (or oldest) first among one tag's or author's articles: the link's index in list
  // order, stopping at take + 1; the filter is still checked on each article it leads to.
  const [rows, keys] =
    walk && linkOrder
      ? [
          sql`SELECT ${columns} FROM ${walk.table} l JOIN "Article" a ON a.id = l."articleId"
            WHERE ${linkCondition(walk, query.viewer)} AND ${conditionSql({ ...query, where: walk.rest }, null)}`,
          linkOrder,
        ]
      : [sql`SELECT ${columns} FROM "Article" a WHERE ${conditionSql(query, scope)}`, order];
  const limit = limitSql(request.take + 1);
  const after = (keyset: Prisma.Sql) =>
    sql`${rows} AND ${keyset} ORDER BY ${orderBySql(keys, request.backward)} ${limit}`;
  const split = splitKeysetSql(keys, values, request.backward);
  if (!split) return after(keysetSql(keys, values, request.backward));
  // Both parts seek and stop at the limit; the page is the first rows of the two in list order
  // (the columns carry the sort keys under their own names: articleColumns).
  return sql`SELECT * FROM ((${after(split[0])}) UNION ALL (${after(split[1])})) a
    ORDER BY ${orderBySql(order, request.backward)} ${limit}`;
}

/**
 * The limit written into the text, not sent as a value: planned for an unknown limit, a page
 * looks like a tenth of the table, and a prepared statement's generic plan read the relations
 * by scanning whole tables. The number of texts stays small (a page size is at most 100).
 */
function limitSql(rows: number): Prisma.Sql {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`not a row count: ${rows}`);
  return raw(`LIMIT ${rows}`);
}

/**
 * A list whose best plan is the same whatever its values, so that its statement is prepared
 * (SqlReader.queryPrepared): no filter (the front page and its later pages, in any order), or
 * one tag, category or author alone, which is always read by walking that link's index (a
 * subquery turns the slug into the id, so even a custom plan never knows which tag). Any other
 * filter's plan depends on how many rows its values match.
 */
function planFixedByShape(query: ArticleListQuery): boolean {
  return setKeys(query.where).length === 0 || linkWalkOf(query.where, null)?.alone === true;
}

function readList<R>(reader: SqlReader, statement: Prisma.Sql, query: ArticleListQuery): Promise<R[]> {
  const withRelations = withPrefetchedRelations(statement, query.selection);
  return planFixedByShape(query)
    ? reader.queryPrepared<R>(withRelations, query.viewer)
    : reader.query<R>(withRelations, query.viewer);
}

/** count(*) of a list: from the link's index alone when one tag or author is the whole filter. */
function countSql(query: ArticleListQuery): Prisma.Sql {
  const walk = linkWalkOf(query.where, null);
  if (!walk) return sql`SELECT count(*)::int AS total FROM "Article" a WHERE ${conditionSql(query, null)}`;
  const link = linkCondition(walk, query.viewer);
  if (walk.alone) return sql`SELECT count(*)::int AS total FROM ${walk.table} l WHERE ${link}`;
  return sql`SELECT count(*)::int AS total FROM ${walk.table} l JOIN "Article" a ON a.id = l."articleId"
    WHERE ${link} AND ${conditionSql({ ...query, where: walk.rest }, null)}`;
}

function linkCondition(walk: LinkWalk, viewer: Viewer): Prisma.Sql {
  return sql`${walk.key} = ${walk.id} AND ${linkVisibleSql(viewer)}`;
}

/** One article by id or slug that the viewer may see (see ArticlesService.findOne). */
export async function findArticle(
  reader: SqlReader,
  where: { id?: string; slug?: string },
  viewer: Viewer,
  selection?: ArticleSelection,
): Promise<ArticleRow | null> {
  const key = where.id ? sql`a.id = ${where.id}::uuid` : where.slug ? sql`a.slug = ${where.slug}` : null;
  if (!key) return null;
  const [row] = await reader.queryPrepared<ArticleRow>(
    withPrefetchedRelations(
      sql`SELECT ${articleColumns(selection)} FROM "Article" a WHERE ${key} AND ${visibleOrPreviewedSql(viewer)}`,
      selection,
    ),
    viewer,
  );
  return row ?? null;
}

/** The article a redirect key (see redirectKey) leads to, in one query; null as for findArticle. */
export async function findArticleByRedirect(
  reader: SqlReader,
  key: string,
  viewer: Viewer,
  selection?: ArticleSelection,
): Promise<ArticleRow | null> {
  const [row] = await reader.query<ArticleRow>(
    withPrefetchedRelations(
      sql`SELECT ${articleColumns(selection)} FROM "Redirect" r JOIN "Article" a ON a.id = r."articleId"
          WHERE r.path = ${key} AND ${visibleSql(viewer)}`,
      selection,
    ),
    viewer,
  );
  return row ?? null;
}

/** See ArticlesService.nextScheduledPublication. */
export async function nextScheduledPublication(reader: SqlReader): Promise<Date | null> {
  const [row] = await reader.query<{ at: Date | null }>(
    sql`SELECT min("publishedAt") AS at FROM "Article" WHERE status = 'PUBLISHED' AND "publishedAt" > now()`,
    ANONYMOUS,
  );
  return row?.at ?? null;
}

/** One page (take + 1 rows, in query order) of a list. */
export function articlePage(reader: SqlReader, query: ArticleListQuery, request: PageRequest): Promise<ArticleRow[]> {
  return readList<ArticleRow>(reader, pageSql(query, request, null), query);
}

/**
 * One page and the total of the list in one statement (issue 14: a tag page with its count was
 * two statements). The count is a scalar of its own scan, so the page still walks its index and
 * stops at take + 1; a page past the end still returns the count (in a row without an id).
 */
export async function articlePageWithTotal(
  reader: SqlReader,
  query: ArticleListQuery,
  request: PageRequest,
): Promise<{ rows: ArticleRow[]; total: number }> {
  const rows = await readList<ArticleRow & { _total: number }>(
    reader,
    sql`SELECT c.total AS _total, p.* FROM (${countSql(query)}) c
        LEFT JOIN LATERAL (${pageSql(query, request, null)}) p ON TRUE`,
    query,
  );
  const total = rows[0]?._total ?? 0;
  return { rows: rows.filter((r) => r.id !== null).map(({ _total, ...row }) => row as ArticleRow), total };
}

export async function countArticles(reader: SqlReader, query: ArticleListQuery): Promise<number> {
  const [row] = await reader.query<{ total: number }>(countSql(query), query.viewer);
  return row?.total ?? 0;
}

/** A page for each of many authors or tags in one statement (nested lists without N+1). */
export async function pagesFor(
  reader: SqlReader,
  kind: 'author' | 'tag',
  parentIds: readonly string[],
  query: ArticleListQuery,
  request: PageRequest,
): Promise<Map<string, ArticleRow[]>> {
  const page = pageSql(query, request, { kind, id: sql`p.id` });
  const rows = await reader.query<ArticleRow & { parentId: string }>(
    withPrefetchedRelations(
      sql`SELECT p.id::text AS "parentId", x.* FROM unnest(${[...parentIds]}::uuid[]) AS p(id) CROSS JOIN LATERAL (${page}) x`,
      query.selection,
    ),
    query.viewer,
  );
  const byParent = new Map<string, ArticleRow[]>(parentIds.map((id) => [id, []]));
  for (const { parentId, ...row } of rows) byParent.get(parentId)?.push(row);
  return byParent;
}

/** How many articles (visible to the viewer and matching the filter) each author or tag has. */
export async function countsFor(
  reader: SqlReader,
  kind: 'author' | 'tag',
  parentIds: readonly string[],
  query: ArticleListQuery,
): Promise<Map<string, number>> {
  const walk = linkWalkOf(query.where, { kind, id: sql`${[...parentIds]}::uuid[]` });
  if (walk?.alone) {
    // Each parent's visible articles, counted in the link's index (see linkWalkOf).
    const rows = await reader.query<{ id: string; count: number }>(
      sql`SELECT ${walk.key}::text AS id, count(*)::int AS count FROM ${walk.table} l
          WHERE ${walk.key} = ANY(${walk.id}) AND ${linkVisibleSql(query.viewer)} GROUP BY 1`,
      query.viewer,
    );
    return new Map(rows.map((r) => [r.id, r.count]));
  }
  const link =
    kind === 'author'
      ? raw('"ArticleAuthor" l ON l."articleId" = a.id')
      : raw('"ArticleTag" l ON l."articleId" = a.id');
  const key = raw(kind === 'author' ? 'l."authorId"' : 'l."tagId"');
  const rows = await reader.query<{ id: string; count: number }>(
    sql`SELECT ${key}::text AS id, count(*)::int AS count FROM "Article" a JOIN ${link}
        WHERE ${key} = ANY(${[...parentIds]}::uuid[]) AND ${conditionSql(query, null)} GROUP BY 1`,
    query.viewer,
  );
  return new Map(rows.map((r) => [r.id, r.count]));
}
