import { binaryArray, PG_OID, textArray } from '@pressroom/database';
import { redirectKey } from '@pressroom/frontmatter/redirect-key';
import { columnList } from './article-columns.js';
import type { ImportTx as Tx } from './article-import.repository.js';
import type { ImportColumns } from './import-columns.js';
import type { ImportedPost } from './imported-post.js';
import { revisionSnapshotSql, storedLinks } from './revision-snapshot.sql.js';

/** An article a batch writes: its id, the post, the slug it gets. */
export interface ImportRow {
  id: string;
  post: ImportedPost;
  slug: string;
}

type Row = ImportRow;

async function queryRows<R>(tx: Tx, sql: string, ...values: unknown[]): Promise<R[]> {
  return (await tx.query(sql, values)).rows as R[];
}

/** One column of the import's unnest(): its name, array element type, cast into the table, values. */
interface UnnestColumn {
  name: string;
  type: 'uuid' | 'text' | 'timestamptz' | 'tsvector';
  cast?: string;
  values: (rows: Row[]) => unknown;
}

const text = (name: string, get: (r: Row) => string | null, cast?: string): UnnestColumn => ({
  name,
  type: 'text',
  cast,
  values: (rows) => textArray(rows.map(get)),
});
const time = (name: string, get: (p: ImportedPost) => Date | null): UnnestColumn => ({
  name,
  type: 'timestamptz',
  values: (rows) => rows.map((r) => get(r.post)?.toISOString() ?? null),
});
// Text and vectors go in binary form (see binaryArray()): the server copies them instead of
// parsing array literals. The large ones arrive encoded already (importColumns(), on the
// importer's parse threads).
const encoded = (name: keyof ImportColumns, type: 'text' | 'tsvector' = 'text', cast?: string): UnnestColumn => ({
  name,
  type,
  cast,
  values: (rows) =>
    binaryArray(
      PG_OID[type],
      rows.map((r) => r.post.columns[name]),
    ),
});

/**
 * The columns the import writes, in unnest() order: the one list its INSERT, its UPDATE and the
 * arrays it sends derive from. A column the import should set goes here and nowhere else in this file.
 */
const IMPORTED_COLUMNS: UnnestColumn[] = [
  { name: 'id', type: 'uuid', values: (rows) => rows.map((r) => r.id) },
  text('slug', (r) => r.slug),
  text('title', (r) => r.post.title),
  text('excerpt', (r) => r.post.excerpt),
  encoded('body'),
  text('bodyFormat', (r) => r.post.bodyFormat, '"BodyFormat"'),
  encoded('html'),
  text('status', (r) => r.post.status, '"ArticleStatus"'),
  time('publishedAt', (p) => p.publishedAt),
  time('lastModifiedAt', (p) => p.lastModifiedAt),
  text('language', (r) => r.post.language),
  text('sourceUrl', (r) => r.post.sourceUrl),
  text('sourcePath', (r) => r.post.path),
  text('importKey', (r) => r.post.importKey),
  text('contentHash', (r) => r.post.contentHash),
  encoded('frontMatter', 'text', 'json'),
];
/** searchDocument()'s parts, for the vector: sent, not stored. */
const SEARCH_PARTS: UnnestColumn[] = [
  encoded('titleWords'),
  encoded('titleBigrams', 'tsvector'),
  encoded('bodyWords'),
  encoded('bodyBigrams', 'tsvector'),
];
const UNNESTED = [...IMPORTED_COLUMNS, ...SEARCH_PARTS];
const UNNEST_ARTICLES = `unnest(${UNNESTED.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
  AS v(${columnList(UNNESTED.map((c) => c.name))})`;
const SEARCH_VECTOR = `pressroom_search_vector(${columnList(
  SEARCH_PARTS.map((c) => c.name),
  'v',
)})`;
const valueOf = (c: UnnestColumn) => (c.cast ? `v."${c.name}"::${c.cast}` : `v."${c.name}"`);

// Who made the version the import writes: the row says it (no revision holds a current state).
const VERSION_BY = `$${UNNESTED.length + 1}::text, 'import'`;

export async function insertArticles(tx: Tx, rows: Row[], actor: string): Promise<void> {
  if (!rows.length) return;
  await queryRows(
    tx,
    `INSERT INTO "Article" (${columnList(IMPORTED_COLUMNS.map((c) => c.name))}, version, "searchVector", "versionActor", "versionAction")
     SELECT ${IMPORTED_COLUMNS.map(valueOf).join(', ')}, 1, ${SEARCH_VECTOR}, ${VERSION_BY}
     FROM ${UNNEST_ARTICLES}`,
    ...UNNESTED.map((c) => c.values(rows)),
    actor,
  );
}

const UPDATED_COLUMNS = IMPORTED_COLUMNS.filter((c) => c.name !== 'id');

/**
 * Updates in place, adding `bump` (1, or 0 for a rewrite within the job) to each version. The
 * vector's stored body part (an editor's, see ArticleWriter) no longer matches: it goes.
 */
export async function updateArticles(tx: Tx, rows: Row[], bump: 0 | 1, actor: string): Promise<void> {
  if (!rows.length) return;
  await queryRows(
    tx,
    `UPDATE "Article" AS a SET ${UPDATED_COLUMNS.map((c) => `"${c.name}" = ${valueOf(c)}`).join(', ')},
       version = a.version + ${bump}, "updatedAt" = now(), "searchVector" = ${SEARCH_VECTOR},
       "searchBodyVector" = NULL, ("versionActor", "versionAction") = (${VERSION_BY})
     FROM ${UNNEST_ARTICLES}
     WHERE a.id = v.id AND a.id = ANY($1::uuid[])`,
    ...UNNESTED.map((c) => c.values(rows)),
    actor,
  );
}

/** Upserts the batch's authors and tags by slug, then replaces each article's links. */
export async function linkAuthorsAndTags(tx: Tx, rows: Row[]): Promise<void> {
  // Sorted, so concurrent batches insert shared authors and tags in one order (no deadlock).
  const authors = new Map(
    sortedBy(
      rows.flatMap((r) => r.post.authors.map((a) => [a.slug, a.name] as const)),
      ([slug]) => slug,
    ),
  );
  const tags = new Map(
    sortedBy(
      rows.flatMap((r) => r.post.tags.map((t) => [`${t.kind}:${t.slug}`, t] as const)),
      ([key]) => key,
    ),
  );
  await queryRows(
    tx,
    `INSERT INTO "Author" (id, slug, name) SELECT gen_random_uuid(), s, n FROM unnest($1::text[], $2::text[]) AS v(s, n)
     ON CONFLICT (slug) DO NOTHING`,
    [...authors.keys()],
    [...authors.values()],
  );
  await queryRows(
    tx,
    `INSERT INTO "Tag" (id, slug, name, kind) SELECT gen_random_uuid(), s, n, k::"TagKind"
     FROM unnest($1::text[], $2::text[], $3::text[]) AS v(s, n, k) ON CONFLICT (kind, slug) DO NOTHING`,
    [...tags.values()].map((t) => t.slug),
    [...tags.values()].map((t) => t.name),
    [...tags.values()].map((t) => t.kind),
  );
  const authorRows = await queryRows<{ id: string; slug: string }>(
    tx,
    `SELECT id::text, slug FROM "Author" WHERE slug = ANY($1::text[])`,
    [...authors.keys()],
  );
  const tagRows = await queryRows<{ id: string; key: string }>(
    tx,
    `SELECT id::text, kind::text || ':' || slug AS key FROM "Tag" WHERE slug = ANY($1::text[])`,
    [...new Set([...tags.values()].map((t) => t.slug))],
  );
  const authorBySlug = new Map(authorRows.map((a) => [a.slug, a.id]));
  const tagByKey = new Map(tagRows.map((t) => [t.key, t.id]));
  const authorIds = new Map(rows.map((r) => [r.id, r.post.authors.map((a) => authorBySlug.get(a.slug)!)]));
  const tagIds = new Map(rows.map((r) => [r.id, r.post.tags.map((t) => tagByKey.get(`${t.kind}:${t.slug}`)!)]));

  const ids = rows.map((r) => r.id);
  await queryRows(tx, `DELETE FROM "ArticleAuthor" WHERE "articleId" = ANY($1::uuid[])`, ids);
  await queryRows(tx, `DELETE FROM "ArticleTag" WHERE "articleId" = ANY($1::uuid[])`, ids);
  const authorLinks = rows.flatMap((r) =>
    authorIds.get(r.id)!.map((authorId, position) => [r.id, authorId, position] as const),
  );
  const tagLinks = rows.flatMap((r) => tagIds.get(r.id)!.map((tagId) => [r.id, tagId] as const));
  await queryRows(
    tx,
    `INSERT INTO "ArticleAuthor" ("articleId", "authorId", position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])`,
    authorLinks.map((l) => l[0]),
    authorLinks.map((l) => l[1]),
    authorLinks.map((l) => l[2]),
  );
  await queryRows(
    tx,
    `INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    tagLinks.map((l) => l[0]),
    tagLinks.map((l) => l[1]),
  );
}

function sortedBy<T>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Old URLs point at the article that now owns them (a later post may take a path over). */
export async function upsertRedirects(tx: Tx, rows: Row[]): Promise<void> {
  const byPath = new Map(
    sortedBy(
      rows.flatMap((r) =>
        r.post.redirects.map(redirectKey).flatMap((path) => (path === null ? [] : [[path, r.id] as const])),
      ),
      ([path]) => path,
    ),
  );
  if (!byPath.size) return;
  await queryRows(
    tx,
    `INSERT INTO "Redirect" (path, "articleId") SELECT * FROM unnest($1::text[], $2::uuid[])
     ON CONFLICT (path) DO UPDATE SET "articleId" = EXCLUDED."articleId"`,
    [...byPath.keys()],
    [...byPath.values()],
  );
}

/**
 * The state each article is about to leave, stored as a revision (a new article has none: the
 * row is its only state). Before the article and its links are rewritten; the snapshot is built
 * by the database from the row (see revisionSnapshotSql()).
 */
export async function storeReplacedStates(tx: Tx, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  await queryRows(
    tx,
    `INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot, "createdAt")
     SELECT pressroom_revision_id(a.id, a.version), a.id, a.version, a."versionActor", a."versionAction",
       ${revisionSnapshotSql('a', storedLinks('a'))}, a."updatedAt"
     FROM "Article" a WHERE a.id = ANY($1::uuid[])`,
    rows.map((r) => r.id),
  );
}
