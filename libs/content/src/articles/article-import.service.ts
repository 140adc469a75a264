import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { binaryArray, PG_OID, textArray } from '@pressroom/database';
import { redirectKey } from '@pressroom/frontmatter';
import {
  assignSlug,
  compareKeys,
  planImport,
  suffixCandidates,
  type ExistingArticle,
  type ImportPlan,
} from './import-plan.js';
import { noJobWrites, yieldContestedSlugs, type JobWrites } from './import-slugs.js';
import type { ImportColumns } from './import-columns.js';
import type { ImportedPost, ImportedPostResult } from './imported-post.js';
import { revisionSnapshotSql, storedLinks } from './revision-snapshot.js';
import { columnList } from './article-columns.js';

/** A pg client in a transaction, or the pool for a lone statement. */
type Tx = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

async function queryRows<R>(tx: Tx, sql: string, ...values: unknown[]): Promise<R[]> {
  return (await tx.query(sql, values)).rows as R[];
}

interface Row {
  id: string;
  post: ImportedPost;
  slug: string;
}

/**
 * Writes a batch of imported posts with set-based SQL: a fixed number of statements per batch
 * (multi-row INSERT ... SELECT FROM unnest), never a round trip per post. Runs inside the
 * caller's transaction, so a batch and its import report commit together.
 */
@Injectable()
export class ArticleImportService {
  /**
   * The article imported from each of these paths, with the content hash it was imported with:
   * a re-import settles files whose bytes hash the same as unchanged, without parsing them, and
   * need not even hash a file whose path no article has.
   */
  async importedFromPaths(
    sql: Tx,
    paths: string[],
  ): Promise<Map<string, { articleId: string; contentHash: string | null }>> {
    if (!paths.length) return new Map();
    // `= ANY` keeps this on the sourcePath index: joining unnest() on two columns led the
    // planner to a hash join over the whole table, a cost that grew with every import.
    const found = await queryRows<{ path: string; hash: string | null; id: string }>(
      sql,
      `SELECT "sourcePath" AS path, "contentHash" AS hash, id::text FROM "Article" WHERE "sourcePath" = ANY($1::text[])`,
      paths,
    );
    return new Map(found.map((r) => [r.path, { articleId: r.id, contentHash: r.hash }]));
  }

  /**
   * Writes a batch of one job. `jobWrites` tells which articles the job wrote in earlier batches:
   * what those batches decided is redone as if they had run in order (a takeover rewrites the
   * article at its version, a contested slug goes to the smallest identity), so the articles are
   * a function of the files alone, whatever the order, concurrency or retries of the batches.
   */
  async importBatch(
    tx: Tx,
    posts: ImportedPost[],
    actor: string,
    jobWrites: JobWrites = noJobWrites,
  ): Promise<ImportedPostResult[]> {
    if (!posts.length) return [];
    await lockKeys(tx, posts);
    const existing = await findExisting(tx, posts);
    const plan = planImport(posts, existing);
    const results: ImportedPostResult[] = [...plan.settled];
    const taken = await takenSlugs(tx, [...plan.creates, ...plan.updates.map((u) => u.post)], existing);
    const ownWrites = await jobWrites(plan.updates.map((u) => u.existing.id));
    const isRewrite = (u: ImportPlan['updates'][number]) => ownWrites.has(u.existing.id);

    const updates: Row[] = plan.updates
      .filter((u) => !isRewrite(u))
      .map(({ post, existing: current }) => {
        const { slug, warning } = assignSlug(post, taken, current.slug);
        results.push(updated(post, current, warning));
        return { id: current.id, post, slug };
      });
    // New to the table, or new in this job: slugs handed out in identity order.
    const fresh = [
      ...plan.creates.map((post) => ({ post, current: undefined })),
      ...plan.updates.filter(isRewrite).map(({ post, existing: current }) => ({ post, current })),
    ].sort((a, b) => compareKeys(a.post.importKey, b.post.importKey));
    await yieldContestedSlugs(
      tx,
      fresh.map((f) => f.post),
      taken,
      jobWrites,
    );
    const creates: Row[] = [];
    const rewrites: Row[] = [];
    for (const { post, current } of fresh) {
      const { slug, warning } = assignSlug(post, taken);
      if (current) {
        results.push(updated(post, current, warning));
        rewrites.push({ id: current.id, post, slug });
      } else {
        const id = randomUUID();
        results.push({ path: post.path, outcome: 'CREATED', articleId: id, warnings: warning ? [warning] : [] });
        creates.push({ id, post, slug });
      }
    }
    const written = [...updates, ...rewrites, ...creates];
    if (!written.length) return results;

    await insertArticles(tx, creates);
    await updateArticles(tx, updates, 1);
    await updateArticles(tx, rewrites, 0);
    await dropRevisionsOfVersion(tx, rewrites);
    await linkAuthorsAndTags(tx, written);
    await upsertRedirects(tx, written);
    await insertRevisions(tx, written, actor);
    return results;
  }
}

function updated(post: ImportedPost, current: ExistingArticle, warning?: string): ImportedPostResult {
  // Another file of the same identity owned the article; one found under its older identity did not.
  const sameIdentity = current.importKey === post.importKey;
  const tookOverFrom =
    sameIdentity && current.sourcePath && current.sourcePath !== post.path ? { tookOverFrom: current.sourcePath } : {};
  return {
    path: post.path,
    outcome: 'UPDATED',
    articleId: current.id,
    warnings: warning ? [warning] : [],
    ...tookOverFrom,
  };
}

/** A rewritten article's revision of its current version is written again, with the new state. */
async function dropRevisionsOfVersion(tx: Tx, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  await queryRows(
    tx,
    `DELETE FROM "ArticleRevision" AS r USING "Article" AS a
     WHERE a.id = ANY($1::uuid[]) AND r."articleId" = a.id AND r.version = a.version`,
    rows.map((r) => r.id),
  );
}

/** Serialises batches that touch the same identities or slugs (two concurrent imports of one folder). */
async function lockKeys(tx: Tx, posts: ImportedPost[]): Promise<void> {
  const keys = [...new Set(posts.flatMap((p) => [`key:${p.importKey}`, `slug:${p.slug}`]))];
  await queryRows(
    tx,
    `SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) AS x ORDER BY 1) AS s`,
    keys,
  );
}

/**
 * The article each post updates, by its identity; else by the identity older imports gave it
 * (legacyKey); else, for an id that is an article's own (an export of an article written in
 * the editor), that article. Keyed by the post's importKey; a row's importKey says which.
 */
async function findExisting(tx: Tx, posts: ImportedPost[]): Promise<Map<string, ExistingArticle>> {
  const keys = [...new Set(posts.flatMap((p) => (p.legacyKey ? [p.importKey, p.legacyKey] : [p.importKey])))];
  const rows = await queryRows<ExistingArticle>(
    tx,
    `SELECT id::text, "importKey", "contentHash", "sourcePath", slug FROM "Article" WHERE "importKey" = ANY($1::text[])
     UNION ALL
     SELECT id::text, id::text, "contentHash", "sourcePath", slug FROM "Article"
       WHERE "importKey" IS NULL AND id = ANY($2::uuid[])`,
    keys,
    keys.filter((k) => UUID.test(k)),
  );
  const byKey = new Map(rows.map((r) => [r.importKey, r]));
  const existing = new Map<string, ExistingArticle>();
  for (const post of posts) {
    const found = byKey.get(post.importKey) ?? (post.legacyKey ? byKey.get(post.legacyKey) : undefined);
    if (found) existing.set(post.importKey, found);
  }
  return existing;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Slugs (plain and suffixed candidates) that other articles already hold. */
async function takenSlugs(tx: Tx, posts: ImportedPost[], existing: Map<string, ExistingArticle>): Promise<Set<string>> {
  const candidates = posts.flatMap((p) => [p.slug, ...suffixCandidates(p.slug, p.importKey)]);
  const rows = await queryRows<{ slug: string; importKey: string | null }>(
    tx,
    `SELECT slug, "importKey" FROM "Article" WHERE slug = ANY($1::text[])`,
    candidates,
  );
  const own = new Set(posts.map((p) => existing.get(p.importKey)?.importKey).filter(Boolean));
  return new Set(rows.filter((r) => !r.importKey || !own.has(r.importKey)).map((r) => r.slug));
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

async function insertArticles(tx: Tx, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  await queryRows(
    tx,
    `INSERT INTO "Article" (${columnList(IMPORTED_COLUMNS.map((c) => c.name))}, version, "searchVector")
     SELECT ${IMPORTED_COLUMNS.map(valueOf).join(', ')}, 1, ${SEARCH_VECTOR}
     FROM ${UNNEST_ARTICLES}`,
    ...UNNESTED.map((c) => c.values(rows)),
  );
}

const UPDATED_COLUMNS = IMPORTED_COLUMNS.filter((c) => c.name !== 'id');

/** Updates in place, adding `bump` (1, or 0 for a rewrite within the job) to each version. */
async function updateArticles(tx: Tx, rows: Row[], bump: 0 | 1): Promise<void> {
  if (!rows.length) return;
  await queryRows(
    tx,
    `UPDATE "Article" AS a SET ${UPDATED_COLUMNS.map((c) => `"${c.name}" = ${valueOf(c)}`).join(', ')},
       version = a.version + ${bump}, "updatedAt" = now(), "searchVector" = ${SEARCH_VECTOR}
     FROM ${UNNEST_ARTICLES}
     WHERE a.id = v.id AND a.id = ANY($1::uuid[])`,
    ...UNNESTED.map((c) => c.values(rows)),
  );
}

/** Upserts the batch's authors and tags by slug, then replaces each article's links. */
async function linkAuthorsAndTags(tx: Tx, rows: Row[]): Promise<void> {
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
async function upsertRedirects(tx: Tx, rows: Row[]): Promise<void> {
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
 * One revision per written article, its snapshot built by the database from the rows just
 * written (see revisionSnapshotSql()).
 */
async function insertRevisions(tx: Tx, rows: Row[], actor: string): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot)
     SELECT gen_random_uuid(), a.id, a.version, $2, 'import', ${revisionSnapshotSql('a', storedLinks('a'))}
     FROM "Article" a WHERE a.id = ANY($1::uuid[])`,
    rows.map((r) => r.id),
    actor,
  );
}
