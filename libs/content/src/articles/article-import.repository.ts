import type { ExistingArticle } from './import-plan.js';

/** A pg client in a transaction, or the pool for a lone statement. */
export type ImportTx = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** An article holding a slug (see yieldContestedSlugs). */
export interface SlugHolder {
  id: string;
  slug: string;
  importKey: string;
  version: number;
}

async function queryRows<R>(tx: ImportTx, sql: string, ...values: unknown[]): Promise<R[]> {
  return (await tx.query(sql, values)).rows as R[];
}

/** The tables an import batch grows, whose planner statistics an import keeps current (see analyzeTables()). */
export const ARTICLE_IMPORT_TABLES = [
  '"Article"',
  '"ArticleTag"',
  '"ArticleAuthor"',
  '"ArticleRevision"',
  '"Redirect"',
];

/** The planner's estimate of how many articles there are; -1 when the table was never analysed. */
export async function estimatedArticleCount(tx: ImportTx): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = '"Article"'::regclass`,
  );
  return rows[0]?.n ?? -1;
}

/** The articles imported from these paths, with the content hash each was imported with. */
export function articlesAtPaths(
  tx: ImportTx,
  paths: string[],
): Promise<{ path: string; hash: string | null; id: string }[]> {
  // `= ANY` keeps this on the sourcePath index: joining unnest() on two columns led the
  // planner to a hash join over the whole table, a cost that grew with every import.
  return queryRows(
    tx,
    `SELECT "sourcePath" AS path, "contentHash" AS hash, id::text FROM "Article" WHERE "sourcePath" = ANY($1::text[])`,
    paths,
  );
}

/** The path each article of these identities was imported from (null: written in the editor). */
export function sourcePathsByImportKey(
  tx: ImportTx,
  keys: string[],
): Promise<{ importKey: string; sourcePath: string | null }[]> {
  return queryRows(tx, `SELECT "importKey", "sourcePath" FROM "Article" WHERE "importKey" = ANY($1::text[])`, keys);
}

/** Serialises batches that touch the same keys (identities or slugs), until the transaction ends. */
export async function lockImportKeys(tx: ImportTx, keys: string[]): Promise<void> {
  await queryRows(
    tx,
    `SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) AS x ORDER BY 1) AS s`,
    keys,
  );
}

/**
 * Articles whose importKey is one of `keys`, and articles without one whose id is one of
 * `ids` (their importKey reads as their id).
 */
export function articlesByImportKey(tx: ImportTx, keys: string[], ids: string[]): Promise<ExistingArticle[]> {
  return queryRows<ExistingArticle>(
    tx,
    `SELECT id::text, "importKey", "contentHash", "sourcePath", slug FROM "Article" WHERE "importKey" = ANY($1::text[])
     UNION ALL
     SELECT id::text, id::text, "contentHash", "sourcePath", slug FROM "Article"
       WHERE "importKey" IS NULL AND id = ANY($2::uuid[])`,
    keys,
    ids,
  );
}

/** The body of the articles of these identities, found as articlesByImportKey() finds them. */
export function bodiesByImportKey(
  tx: ImportTx,
  keys: string[],
  ids: string[],
): Promise<{ importKey: string; body: string }[]> {
  return queryRows(
    tx,
    `SELECT "importKey", body FROM "Article" WHERE "importKey" = ANY($1::text[])
     UNION ALL
     SELECT id::text, body FROM "Article" WHERE "importKey" IS NULL AND id = ANY($2::uuid[])`,
    keys,
    ids,
  );
}

/** Which of these slugs articles hold, and the importKey of each holder. */
export function slugsHeld(tx: ImportTx, slugs: string[]): Promise<{ slug: string; importKey: string | null }[]> {
  return queryRows(tx, `SELECT slug, "importKey" FROM "Article" WHERE slug = ANY($1::text[])`, slugs);
}

/** Imported articles holding one of `slugs` whose identity is none of `importKeys`. */
export async function importedSlugHolders(tx: ImportTx, slugs: string[], importKeys: string[]): Promise<SlugHolder[]> {
  return (
    await tx.query(
      `SELECT id::text, slug, "importKey", version FROM "Article"
       WHERE slug = ANY($1::text[]) AND "importKey" IS NOT NULL AND NOT ("importKey" = ANY($2::text[]))`,
      [slugs, importKeys],
    )
  ).rows as SlugHolder[];
}

/** Which of these slugs articles hold. */
export async function slugsTaken(tx: ImportTx, slugs: string[]): Promise<{ slug: string }[]> {
  return (await tx.query(`SELECT slug FROM "Article" WHERE slug = ANY($1::text[])`, [slugs])).rows as {
    slug: string;
  }[];
}

/** Gives article `ids[i]` the slug `slugs[i]`. */
export async function renameArticles(tx: ImportTx, ids: string[], slugs: string[]): Promise<void> {
  await tx.query(
    `UPDATE "Article" AS a SET slug = v.slug FROM unnest($1::uuid[], $2::text[]) AS v(id, slug) WHERE a.id = v.id`,
    [ids, slugs],
  );
}
