import { appErrorOfSqlState } from '@pressroom/common';
import type { Article as ArticleRow, SqlClient, SqlPool } from '@pressroom/database';
import { redirectKey } from '@pressroom/frontmatter';
import type { SlugLookup } from '../slugs.js';
import type { SearchDocument } from '../search/search-document.js';
import { ARTICLE_COLUMNS, columnList, EDITABLE_COLUMNS, placeholders, type ArticleContent } from './article-columns.js';
import { revisionSnapshotSql, storedLinks } from './revision-snapshot.sql.js';

/** What a statement needs: the pool itself, or the client of a transaction. */
export type Queryable = Pick<SqlPool, 'query'>;

export interface ArticleLinks {
  /** In byline order. */
  authorIds: string[];
  tagIds: string[];
}

export interface CurrentArticle {
  article: ArticleRow;
  links: ArticleLinks;
}

/** What an edit changes: the content, and the links it replaces (the others stay). */
export interface ArticleEdit {
  content: ArticleContent;
  links?: Partial<ArticleLinks>;
}

const COLUMNS = columnList(ARTICLE_COLUMNS);
const LINKS = `ARRAY(SELECT "authorId"::text FROM "ArticleAuthor" WHERE "articleId" = a.id ORDER BY position) AS "authorIds",
  ARRAY(SELECT "tagId"::text FROM "ArticleTag" WHERE "articleId" = a.id) AS "tagIds"`;

/** The article and its links, or null when there is none (see ArticleWriter.read). */
export async function readArticle(db: Queryable, id: string): Promise<CurrentArticle | null> {
  const { rows } = await db.query<ArticleRow & ArticleLinks>(
    `SELECT ${COLUMNS}, ${LINKS} FROM "Article" AS a WHERE id = $1`,
    [id],
  );
  if (!rows[0]) return null;
  const { authorIds, tagIds, ...article } = rows[0];
  return { article, links: { authorIds, tagIds } };
}

/** A new article at version 1 with its links and first revision, in one statement. */
export async function insertArticle(
  db: Queryable,
  content: ArticleContent,
  links: ArticleLinks,
  actor: string,
  search: SearchDocument,
): Promise<ArticleRow> {
  const write = writeValues([links.authorIds, links.tagIds, actor], content, search);
  const { rows } = await run(
    db,
    `WITH a AS (
       INSERT INTO "Article" (id, ${columnList(EDITABLE_COLUMNS)}, "searchVector", version)
       VALUES (gen_random_uuid(), ${write.content.join(', ')}, ${write.searchVector}, 1)
       RETURNING ${COLUMNS}
     ), authors AS (
       INSERT INTO "ArticleAuthor" ("articleId", "authorId", position)
       SELECT a.id, x.author, x.n - 1 FROM a, unnest($1::uuid[]) WITH ORDINALITY AS x(author, n)
     ), tags AS (
       INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT a.id, x.tag FROM a, unnest($2::uuid[]) AS x(tag)
     ), revision AS (
       INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot)
       SELECT gen_random_uuid(), a.id, 1, $3, 'create', ${revisionSnapshotSql('a', { authorIds: '$1::uuid[]', tagIds: '$2::uuid[]' })} FROM a
     )
     SELECT * FROM a`,
    write.values,
  );
  return rows[0]!;
}

/** Deletes the article when at `expectedVersion` (or any); how many rows went (0 or 1). */
export async function deleteArticle(db: Queryable, id: string, expectedVersion: number | undefined): Promise<number> {
  const { rowCount } = await run(db, `DELETE FROM "Article" WHERE id = $1 AND ($2::int IS NULL OR version = $2)`, [
    id,
    expectedVersion ?? null,
  ]);
  return rowCount ?? 0;
}

/** A new version and a revision of its state for each article (see ArticleWriter.recordMany). */
export async function recordVersions(
  client: SqlClient,
  articleIds: string[],
  actor: string,
  action: string,
): Promise<void> {
  await client.query(
    `WITH a AS (
       UPDATE "Article" SET version = version + 1, "updatedAt" = now() WHERE id = ANY($1::uuid[]) RETURNING ${COLUMNS}
     )
     INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot)
     SELECT gen_random_uuid(), a.id, a.version, $2, $3, ${revisionSnapshotSql('a', storedLinks('a'))} FROM a`,
    [articleIds, actor, action],
  );
}

/** The id of the article holding `slug`, if one does. */
export async function articleIdWithSlug(db: Queryable, slug: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Article" WHERE slug = $1`, [slug]);
  return rows[0]?.id;
}

/** The article slugs a freeSlug() lookup asks for. */
export async function articleSlugs(db: Queryable, filter: Parameters<SlugLookup>[0]): Promise<{ slug: string }[]> {
  const { rows } =
    'in' in filter
      ? await db.query<{ slug: string }>(`SELECT slug FROM "Article" WHERE slug = ANY($1)`, [filter.in])
      : await db.query<{ slug: string }>(`SELECT slug FROM "Article" WHERE starts_with(slug, $1)`, [filter.startsWith]);
  return rows;
}

/**
 * The save of `edit` over `current`, or null when another save got there first. `search`: the
 * new content's search document, or null to keep the current vector (the text did not change).
 */
export async function saveArticle(
  db: Queryable,
  current: CurrentArticle,
  edit: ArticleEdit,
  actor: string,
  action: string,
  search: SearchDocument | null,
): Promise<ArticleRow | null> {
  const links = {
    authorIds: edit.links?.authorIds ?? current.links.authorIds,
    tagIds: edit.links?.tagIds ?? current.links.tagIds,
  };
  const write = writeValues(
    [
      current.article.id,
      current.article.version,
      edit.links?.authorIds !== undefined,
      links.authorIds,
      edit.links?.tagIds !== undefined,
      links.tagIds,
      actor,
      action,
      oldSlugPath(current.article.slug, edit.content.slug),
    ],
    edit.content,
    search,
  );
  const set = EDITABLE_COLUMNS.map((c, i) => `"${c}" = ${write.content[i]}`).join(', ');
  const { rows } = await run(
    db,
    `WITH a AS (
       UPDATE "Article" SET ${set}, "searchVector" = ${write.searchVector}, version = version + 1, "updatedAt" = now()
       WHERE id = $1 AND version = $2
       RETURNING ${COLUMNS}
     ), unlinked_authors AS (
       DELETE FROM "ArticleAuthor" WHERE $3 AND "articleId" IN (SELECT id FROM a) AND "authorId" <> ALL($4::uuid[])
     ), linked_authors AS (
       INSERT INTO "ArticleAuthor" ("articleId", "authorId", position)
       SELECT a.id, x.author, x.n - 1 FROM a, unnest($4::uuid[]) WITH ORDINALITY AS x(author, n) WHERE $3
       ON CONFLICT ("articleId", "authorId") DO UPDATE SET position = EXCLUDED.position
     ), unlinked_tags AS (
       DELETE FROM "ArticleTag" WHERE $5 AND "articleId" IN (SELECT id FROM a) AND "tagId" <> ALL($6::uuid[])
     ), linked_tags AS (
       INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT a.id, x.tag FROM a, unnest($6::uuid[]) AS x(tag) WHERE $5
       ON CONFLICT DO NOTHING
     ), revision AS (
       INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot)
       SELECT gen_random_uuid(), a.id, a.version, $7, $8, ${revisionSnapshotSql('a', { authorIds: '$4::uuid[]', tagIds: '$6::uuid[]' })} FROM a
     ), old_slug AS (
       INSERT INTO "Redirect" (path, "articleId") SELECT $9, a.id FROM a WHERE $9::text IS NOT NULL
       ON CONFLICT (path) DO UPDATE SET "articleId" = EXCLUDED."articleId"
     )
     SELECT * FROM a`,
    write.values,
  );
  return rows[0] ?? null;
}

/**
 * A write's values: its own ($1 ...), then the search document's four parts (the index's one
 * source, computed as the import does) unless the vector stays, then the content in
 * EDITABLE_COLUMNS order; with the SQL for the vector and the content's placeholders, so a new
 * editable column changes no statement.
 */
function writeValues(own: unknown[], c: ArticleContent, search: SearchDocument | null) {
  const s = own.length + 1;
  const content = EDITABLE_COLUMNS.map((column) =>
    column === 'frontMatter' ? JSON.stringify(c.frontMatter ?? {}) : c[column],
  );
  const searchValues = search
    ? [search.titleWords, Buffer.from(search.titleBigrams), search.bodyWords, Buffer.from(search.bodyBigrams)]
    : [];
  return {
    values: [...own, ...searchValues, ...content],
    searchVector: search
      ? `pressroom_search_vector($${s}, $${s + 1}::tsvector, $${s + 2}, $${s + 3}::tsvector)`
      : '"searchVector"',
    content: placeholders(EDITABLE_COLUMNS, s + searchValues.length),
  };
}

async function run<R extends ArticleRow>(db: Queryable, text: string, values: unknown[]) {
  try {
    return await db.query<R>(text, values);
  } catch (error) {
    throw asAppError(error);
  }
}

/** A changed slug leaves its old path, `/<old-slug>`, as a redirect to the article (issue 12). */
function oldSlugPath(before: string, after: string): string | null {
  return before === after ? null : redirectKey(`/${before}`);
}

/** A slug taken meanwhile, a linked author or tag deleted meanwhile: CONFLICT, not a 500 (see appErrorOfSqlState()). */
export function asAppError(error: unknown): unknown {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (typeof code !== 'string') return error;
  return appErrorOfSqlState(code, typeof constraint === 'string' ? constraint : undefined) ?? error;
}
