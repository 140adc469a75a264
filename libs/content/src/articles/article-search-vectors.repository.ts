import { binaryArray, PG_OID, textArray } from '@pressroom/database';
import type { SearchDocument } from '../search/search-document.js';
import type { Queryable } from './article-writes.repository.js';

/** What a reindex reads of an article: the vector's sources, and what tells a later edit apart. */
export interface SearchSourceRow {
  id: string;
  version: number;
  /** "updatedAt" as the database's text, so the comparison is exact (a Date keeps milliseconds only). */
  updatedAt: string;
  title: string;
  excerpt: string | null;
  html: string;
}

/** One page's outcome: rows written, rows already right, rows changed or being written meanwhile. */
export interface SearchPageResult {
  written: number;
  unchanged: number;
  skipped: number;
}

/**
 * The next `limit` articles after `afterId` in id order (keyset: a page costs the same at any
 * depth); all of them, or only those without a search vector.
 */
export async function readSearchSources(
  db: Queryable,
  afterId: string | null,
  limit: number,
  all: boolean,
): Promise<SearchSourceRow[]> {
  const { rows } = await db.query<SearchSourceRow>(
    `SELECT id::text, version, "updatedAt"::text AS "updatedAt", title, excerpt, html FROM "Article"
     WHERE ($1::uuid IS NULL OR id > $1) AND ($3 OR "searchVector" IS NULL)
     ORDER BY id LIMIT $2`,
    [afterId, limit, all],
  );
  return rows;
}

/**
 * Writes each row's vectors from its document, in one statement (its own short transaction),
 * only where the article is still at the version and "updatedAt" that were read: an edit made
 * meanwhile has written its own vectors from its own text, which a vector of the older text must
 * not replace. Rows another transaction holds are skipped rather than waited for (a reindex
 * never queues behind an edit or an import batch, nor holds rows while it waits). Neither
 * version nor "updatedAt" moves, so the changes feed's trigger (article_changed_update) does not
 * fire and no revision is stored: a reader cannot tell a refreshed vector from the old one
 * except by what search finds.
 *
 * The body part is stored as the row had it: a row without a vector gets both, as an editor's
 * write does; an imported row (a vector without its body part, see decisions.md) stays without,
 * so a reindex does not undo the import's choice not to store every body's vector twice. A row
 * whose vectors are already right is not rewritten (no new row version, no GIN entries).
 */
export async function writeSearchVectors(
  db: Queryable,
  rows: readonly SearchSourceRow[],
  documents: readonly SearchDocument[],
): Promise<SearchPageResult> {
  if (!rows.length) return { written: 0, unchanged: 0, skipped: 0 };
  const { rows: counts } = await db.query<{ current: number; written: number }>(
    `WITH parts AS MATERIALIZED (
       SELECT v.id, v.version, v.updated_at, pressroom_search_title_part(v.title_words, v.title_bigrams) AS title_part,
         pressroom_search_body_part(v.body_words, v.body_bigrams) AS body_part
       FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::tsvector[], $6::text[], $7::tsvector[])
         AS v(id, version, updated_at, title_words, title_bigrams, body_words, body_bigrams)
     ), v AS MATERIALIZED (
       SELECT id, version, updated_at, title_part || body_part AS vector, body_part FROM parts
     ), current AS (
       SELECT a.id FROM "Article" AS a JOIN v ON v.id = a.id AND v.version = a.version AND v.updated_at = a."updatedAt"
       ORDER BY a.id FOR NO KEY UPDATE OF a SKIP LOCKED
     ), written AS (
       UPDATE "Article" AS a SET "searchVector" = v.vector,
         "searchBodyVector" = ${BODY_PART}
       FROM v
       WHERE a.id = v.id AND a.id IN (SELECT id FROM current) AND a.version = v.version AND a."updatedAt" = v.updated_at
         AND (a."searchVector" IS DISTINCT FROM v.vector OR a."searchBodyVector" IS DISTINCT FROM ${BODY_PART})
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM current)::int AS current, (SELECT count(*) FROM written)::int AS written`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.version),
      rows.map((r) => r.updatedAt),
      textArray(documents.map((d) => d.titleWords)),
      binaryArray(
        PG_OID.tsvector,
        documents.map((d) => d.titleBigrams),
      ),
      textArray(documents.map((d) => d.bodyWords)),
      binaryArray(
        PG_OID.tsvector,
        documents.map((d) => d.bodyBigrams),
      ),
    ],
  );
  const { current, written } = counts[0]!;
  return { written, unchanged: current - written, skipped: rows.length - current };
}

const BODY_PART = `CASE WHEN a."searchBodyVector" IS NULL AND a."searchVector" IS NOT NULL THEN NULL ELSE v.body_part END`;
