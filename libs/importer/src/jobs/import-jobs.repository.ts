import { Injectable } from '@nestjs/common';
import { PrismaService, SqlPool, type SqlClient } from '@pressroom/database';
import type { ItemRecord } from './import-counts.js';

type Tx = SqlClient;
type Located = { path: string; line: number | null; message: string };

/** The raw SQL of ImportJob and ImportItem (see ImportJobsService for what each is for). */
@Injectable()
export class ImportJobsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: SqlPool,
  ) {}

  async recordedPaths(jobId: string, paths: string[]): Promise<string[]> {
    const { rows } = await this.sql.query<{ path: string }>(
      `SELECT path FROM "ImportItem" WHERE "jobId" = $1::uuid AND path = ANY($2::text[])`,
      [jobId, paths],
    );
    return rows.map((r) => r.path);
  }

  async writtenArticles(
    tx: Tx,
    jobId: string,
    articleIds: string[],
  ): Promise<{ id: string; outcome: 'CREATED' | 'UPDATED' }[]> {
    const { rows } = await tx.query<{ id: string; outcome: 'CREATED' | 'UPDATED' }>(
      `SELECT "articleId"::text AS id, outcome::text AS outcome FROM "ImportItem"
       WHERE "jobId" = $1::uuid AND "articleId" = ANY($2::uuid[]) AND outcome IN ('CREATED', 'UPDATED')`,
      [jobId, articleIds],
    );
    return rows;
  }

  /** Each file's CREATED or UPDATED item becomes SKIPPED with its warning; returns what each had. */
  async skipItems(
    tx: Tx,
    jobId: string,
    files: { path: string; warning: string }[],
  ): Promise<{ path: string; outcome: 'CREATED' | 'UPDATED' }[]> {
    const { rows } = await tx.query<{ path: string; outcome: 'CREATED' | 'UPDATED' }>(
      `WITH before AS (
         SELECT i.path, i.outcome::text AS outcome FROM "ImportItem" i
         WHERE i."jobId" = $1::uuid AND i.path = ANY($2::text[]) AND i.outcome IN ('CREATED', 'UPDATED')
         FOR UPDATE
       ), skipped AS (
         UPDATE "ImportItem" i SET outcome = 'SKIPPED', "articleId" = NULL,
           warnings = jsonb_build_array(jsonb_build_object('line', NULL, 'message', w.warning))
         FROM before b JOIN unnest($2::text[], $3::text[]) AS w(path, warning) ON w.path = b.path
         WHERE i."jobId" = $1::uuid AND i.path = b.path
       )
       SELECT path, outcome FROM before`,
      [jobId, files.map((f) => f.path), files.map((f) => f.warning)],
    );
    return rows;
  }

  /** Moves counts from created and updated to skipped. */
  async moveToSkipped(tx: Tx, jobId: string, created: number, updated: number, skipped: number): Promise<void> {
    await tx.query(
      `UPDATE "ImportJob" SET created = created - $2, updated = updated - $3, skipped = skipped + $4 WHERE id = $1::uuid`,
      [jobId, created, updated, skipped],
    );
  }

  /** Inserts the items not recorded yet; how many of each outcome went in. */
  async insertItems(tx: Tx, jobId: string, items: ItemRecord[]): Promise<{ outcome: string; n: number }[]> {
    const { rows } = await tx.query<{ outcome: string; n: number }>(
      `WITH ins AS (
         INSERT INTO "ImportItem" ("jobId", path, outcome, "articleId", line, message, warnings)
         SELECT $1::uuid, p, o::"ImportItemOutcome", a, l, m, w::jsonb
         FROM unnest($2::text[], $3::text[], $4::uuid[], $5::int[], $6::text[], $7::text[]) AS v(p, o, a, l, m, w)
         ON CONFLICT ("jobId", path) DO NOTHING
         RETURNING outcome)
       SELECT outcome::text, count(*)::int AS n FROM ins GROUP BY outcome`,
      [
        jobId,
        items.map((i) => i.path),
        items.map((i) => i.outcome),
        items.map((i) => i.articleId),
        items.map((i) => i.line),
        items.map((i) => i.message),
        // Most files have no warning: no document then (NULL), rather than '[]' on every row.
        items.map((i) => (i.warnings.length ? JSON.stringify(i.warnings) : null)),
      ],
    );
    return rows;
  }

  /** Adds to the job's counters: [processed, created, updated, unchanged, failed, skipped]. */
  async addCounts(tx: Tx, jobId: string, counts: number[]): Promise<void> {
    await tx.query(
      `UPDATE "ImportJob" SET processed = processed + $2, created = created + $3, updated = updated + $4,
         unchanged = unchanged + $5, failed = failed + $6, skipped = skipped + $7 WHERE id = $1::uuid`,
      [jobId, ...counts],
    );
  }

  warningsOf(jobId: string, limit: number): Promise<Located[]> {
    return this.prisma.$queryRawUnsafe<Located[]>(
      `SELECT i.path, (w->>'line')::int AS line, w->>'message' AS message
       FROM "ImportItem" i, jsonb_array_elements(i.warnings) w
       WHERE i."jobId" = $1::uuid ORDER BY i.path LIMIT $2`,
      jobId,
      limit,
    );
  }

  async warningCount(jobId: string): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT coalesce(sum(jsonb_array_length(warnings)), 0)::int AS count FROM "ImportItem" WHERE "jobId" = $1::uuid`,
      jobId,
    );
    return row?.count ?? 0;
  }
}
