import { appErrorOfSqlState } from '@pressroom/common';
import {
  preparedStatement,
  preparedWhileFew,
  type Article as ArticleRow,
  type PreparedStatement,
  type SqlClient,
  type SqlPool,
} from '@pressroom/database';
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
  /** Whether the row keeps its vector's body part, so a title change can reuse it. */
  hasSearchBody: boolean;
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
  const { rows } = await db.query<ArticleRow & ArticleLinks & { hasSearchBody: boolean }>(
    `SELECT ${COLUMNS}, ${LINKS}, "searchBodyVector" IS NOT NULL AS "hasSearchBody" FROM "Article" AS a WHERE id = $1`,
    [id],
  );
  if (!rows[0]) return null;
  const { authorIds, tagIds, hasSearchBody, ...article } = rows[0];
  return { article, links: { authorIds, tagIds }, hasSearchBody };
}

/**
 * A new article at version 1 with its links, in one statement. No revision: the current state
 * is the row, and who made it is in versionActor/versionAction.
 */
export async function insertArticle(
  db: Queryable,
  content: ArticleContent,
  links: ArticleLinks,
  actor: string,
  search: SearchDocument,
): Promise<ArticleRow> {
  const write = writeValues([links.authorIds, links.tagIds, actor], EDITABLE_COLUMNS, content, { full: search });
  const { rows } = await run(
    db,
    // The same text for every article (all editable columns, a full search document).
    preparedWhileFew(`WITH a AS (
       INSERT INTO "Article" (id, ${columnList(EDITABLE_COLUMNS)}, ${columnList(Object.keys(write.search))}, version, "versionActor", "versionAction")
       SELECT gen_random_uuid(), ${write.content.join(', ')}, ${Object.values(write.search).join(', ')}, 1, $3, 'create'
       FROM ${write.searchFrom}
       RETURNING ${COLUMNS}
     ), authors AS (
       INSERT INTO "ArticleAuthor" ("articleId", "authorId", position)
       SELECT a.id, x.author, x.n - 1 FROM a, unnest($1::uuid[]) WITH ORDINALITY AS x(author, n)
     ), tags AS (
       INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT a.id, x.tag FROM a, unnest($2::uuid[]) AS x(tag)
     )
     SELECT * FROM a`),
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

/**
 * A new version of each article, storing the state it replaces as a revision (see
 * ArticleWriter.recordMany): call it before the change, so the stored links are the old ones.
 */
export async function recordVersions(
  client: SqlClient,
  articleIds: string[],
  actor: string,
  action: string,
): Promise<void> {
  await client.query(
    `WITH old AS (
       SELECT * FROM "Article" WHERE id = ANY($1::uuid[])
     ), a AS (
       UPDATE "Article" SET version = version + 1, "updatedAt" = now(), "versionActor" = $2, "versionAction" = $3
       WHERE id = ANY($1::uuid[]) RETURNING id
     )
     ${REPLACED_REVISION} FROM old AS o JOIN a ON a.id = o.id`,
    [articleIds, actor, action],
  );
}

/**
 * The INSERT of the revision of a replaced state, from a row `o` of "Article" as it was before
 * the statement (its links too: a statement's own changes are invisible to its other parts).
 */
const REPLACED_REVISION = `INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot, "createdAt")
     SELECT pressroom_revision_id(o.id, o.version), o.id, o.version, o."versionActor", o."versionAction",
       ${revisionSnapshotSql('o', storedLinks('o'))}, o."updatedAt"`;

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
 * What a save does to the search vector: keep it (title, excerpt and body unchanged), remake its
 * title part over the body part the row keeps (a title change), or compute it in full.
 */
export type SearchWrite =
  null | { titleOnly: { titleWords: string; titleBigrams: Uint8Array } } | { full: SearchDocument };

/**
 * The save of `edit` over `current`, or null when another save got there first. Only the columns
 * that change are sent: a body or HTML written again would be compressed and stored again. The
 * state it replaces is stored as a revision in the same statement.
 */
export async function saveArticle(
  db: Queryable,
  current: CurrentArticle,
  edit: ArticleEdit,
  actor: string,
  action: string,
  search: SearchWrite,
): Promise<ArticleRow | null> {
  const links = {
    authorIds: edit.links?.authorIds ?? current.links.authorIds,
    tagIds: edit.links?.tagIds ?? current.links.tagIds,
  };
  const columns = changedColumns(current.article, edit.content);
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
    columns,
    edit.content,
    search,
  );
  const set = [
    ...columns.map((c, i) => `"${c}" = ${write.content[i]}`),
    ...Object.entries(write.search).map(([c, value]) => `"${c}" = ${value}`),
  ];
  const { rows } = await run(
    db,
    // Prepared while few: its text varies only with the columns, links and vector an edit changes.
    preparedWhileFew(`WITH old AS (
       SELECT * FROM "Article" WHERE id = $1 AND version = $2
     ), a AS (
       UPDATE "Article" SET ${set.map((c) => `${c}, `).join('')}version = version + 1, "updatedAt" = now(),
         "versionActor" = $7, "versionAction" = $8
       FROM ${write.searchFrom}
       WHERE id = $1 AND version = $2
       RETURNING ${columnList(ARTICLE_COLUMNS, '"Article"')}
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
       ${REPLACED_REVISION} FROM old AS o JOIN a ON a.id = o.id
     ), old_slug AS (
       INSERT INTO "Redirect" (path, "articleId") SELECT $9, a.id FROM a WHERE $9::text IS NOT NULL
       ON CONFLICT (path) DO UPDATE SET "articleId" = EXCLUDED."articleId"
     )
     SELECT * FROM a`),
    write.values,
  );
  return rows[0] ?? null;
}

/**
 * A title-only edit in one statement, without the read first (issue 15: the read was one of an
 * update's two round trips). It applies only when the article is at `version` and the row keeps
 * its body's vector part, which the new title part goes over (as saveArticle's titleOnly); it
 * stores the replaced state as a revision, as saveArticle does. The title it already has is no
 * change: the article as it is, without a new version (see changesArticle()). null otherwise:
 * the caller then takes the general path, which answers each of those cases (NOT_FOUND,
 * CONFLICT with the current version, a full search document).
 */
export async function saveTitle(
  db: Queryable,
  id: string,
  version: number,
  title: string,
  titleWords: string,
  titleBigrams: Uint8Array,
  actor: string,
  action: string,
): Promise<ArticleRow | null> {
  const { rows } = await run(db, SAVE_TITLE, [
    id,
    version,
    title,
    actor,
    action,
    titleWords,
    Buffer.from(titleBigrams),
  ]);
  return rows[0] ?? null;
}

// Prepared: the most frequent edit's one statement, the same text every time.
const SAVE_TITLE = preparedStatement(
  `WITH old AS (
     SELECT * FROM "Article" WHERE id = $1 AND version = $2 AND title <> $3 AND "searchBodyVector" IS NOT NULL
   ), a AS (
     UPDATE "Article" SET title = $3,
       "searchVector" = pressroom_search_title_part($6, $7::tsvector) || "Article"."searchBodyVector",
       version = version + 1, "updatedAt" = now(), "versionActor" = $4, "versionAction" = $5
     WHERE id = $1 AND version = $2 AND title <> $3 AND "searchBodyVector" IS NOT NULL
     RETURNING ${columnList(ARTICLE_COLUMNS, '"Article"')}
   ), revision AS (
     ${REPLACED_REVISION} FROM old AS o JOIN a ON a.id = o.id
   )
   SELECT * FROM a
   UNION ALL
   SELECT ${COLUMNS} FROM "Article" WHERE id = $1 AND version = $2 AND title = $3`,
);

/**
 * publishArticle in one statement, without the read first (peerbench's write path publishes
 * every article it creates): PUBLISHED from `at`, else from the date a published article keeps,
 * else from now, as ArticlePublishingService.publish decides; the replaced state stored as a
 * revision; a publication that changes nothing answers the article as it is. null when the
 * article is missing, not at `expectedVersion` (when given), or saved by another write meanwhile:
 * the caller then takes the general path, which answers each case.
 */
export async function savePublication(
  db: Queryable,
  id: string,
  expectedVersion: number | undefined,
  at: Date | undefined,
  actor: string,
): Promise<ArticleRow | null> {
  const { rows } = await run(db, SAVE_PUBLICATION, [id, expectedVersion ?? null, at ?? null, actor]);
  return rows[0] ?? null;
}

// Prepared: the same text every time. now() to the millisecond, as the column keeps it (rounding
// up could date an article a fraction of a millisecond ahead of the reads that follow).
const SAVE_PUBLICATION = preparedStatement(
  `WITH old AS (
     SELECT *, coalesce($3::timestamptz, CASE WHEN status = 'PUBLISHED' THEN "publishedAt" END,
       date_trunc('milliseconds', now())) AS "nextPublishedAt"
     FROM "Article" WHERE id = $1 AND ($2::int IS NULL OR version = $2)
   ), a AS (
     UPDATE "Article" SET status = 'PUBLISHED', "publishedAt" = old."nextPublishedAt",
       version = "Article".version + 1, "updatedAt" = now(), "versionActor" = $4, "versionAction" = 'publish'
     FROM old
     WHERE "Article".id = old.id AND "Article".version = old.version
       AND (old.status <> 'PUBLISHED' OR old."publishedAt" IS DISTINCT FROM old."nextPublishedAt")
     RETURNING ${columnList(ARTICLE_COLUMNS, '"Article"')}
   ), revision AS (
     ${REPLACED_REVISION} FROM old AS o JOIN a ON a.id = o.id
   )
   SELECT * FROM a
   UNION ALL
   SELECT ${COLUMNS} FROM old WHERE status = 'PUBLISHED' AND "publishedAt" = "nextPublishedAt"`,
);

/**
 * Whether saving `edit` over `current` changes anything: a column, the byline (its order too) or
 * the tags. An update that changes nothing makes no version, revision or change-feed entry: a
 * history lists changes (DESIGN: "a snapshot per change"), and an editor saving an unchanged
 * form, or a client repeating a request, should not fill it. (A restore is an editor's act of
 * its own and is recorded even when it restores the current state.)
 */
export function changesArticle(current: CurrentArticle, edit: ArticleEdit): boolean {
  if (changedColumns(current.article, edit.content).length > 0) return true;
  const { authorIds, tagIds } = edit.links ?? {};
  const byline = authorIds !== undefined && authorIds.join() !== current.links.authorIds.join();
  const tags = tagIds !== undefined && [...new Set(tagIds)].sort().join() !== [...current.links.tagIds].sort().join();
  return byline || tags;
}

/** The editable columns whose value `next` changes. */
function changedColumns(current: ArticleRow, next: ArticleContent): (typeof EDITABLE_COLUMNS)[number][] {
  return EDITABLE_COLUMNS.filter((column) => {
    const before = current[column];
    const after = next[column];
    if (column === 'frontMatter') return JSON.stringify(before ?? {}) !== JSON.stringify(after ?? {});
    if (before instanceof Date || after instanceof Date) {
      return (before as Date | null)?.getTime() !== (after as Date | null)?.getTime();
    }
    return before !== after;
  });
}

/**
 * A write's values: its own ($1 ...), then the search document's parts (the index's one source,
 * computed as the import does) as `search` asks, then the content of `columns`; with the SQL
 * for the vectors (over `searchFrom`, a one-row subquery computing the body part once) and the
 * content's placeholders, so a new editable column changes no statement.
 */
function writeValues(
  own: unknown[],
  columns: readonly (typeof EDITABLE_COLUMNS)[number][],
  c: ArticleContent,
  search: SearchWrite,
) {
  const s = own.length + 1;
  const content = columns.map((column) => (column === 'frontMatter' ? JSON.stringify(c.frontMatter ?? {}) : c[column]));
  const title = `pressroom_search_title_part($${s}, $${s + 1}::tsvector)`;
  let searchValues: unknown[] = [];
  let vectors: Record<string, string> = {};
  let searchFrom = '(SELECT) AS search';
  if (search && 'full' in search) {
    const d = search.full;
    searchValues = [d.titleWords, Buffer.from(d.titleBigrams), d.bodyWords, Buffer.from(d.bodyBigrams)];
    vectors = { searchVector: `${title} || search.body_part`, searchBodyVector: 'search.body_part' };
    searchFrom = `(SELECT pressroom_search_body_part($${s + 2}, $${s + 3}::tsvector) AS body_part) AS search`;
  } else if (search) {
    searchValues = [search.titleOnly.titleWords, Buffer.from(search.titleOnly.titleBigrams)];
    vectors = { searchVector: `${title} || "Article"."searchBodyVector"` };
  }
  return {
    values: [...own, ...searchValues, ...content],
    search: vectors,
    searchFrom,
    content: placeholders(columns, s + searchValues.length),
  };
}

async function run<R extends ArticleRow>(db: Queryable, statement: string | PreparedStatement, values: unknown[]) {
  try {
    return await db.query<R>(statement, values);
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
