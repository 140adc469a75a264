import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SqlPool, type ImportJob, type SqlClient } from '@pressroom/database';
import type { ItemRecord } from './import-counts.js';

type Tx = SqlClient;

/** The report's table, which every imported file grows (see PlannerStatistics). */
export const IMPORT_ITEM_TABLES = ['"ImportItem"'];
type Located = { path: string; line: number | null; message: string };
type NewJob = Pick<ImportJob, 'source' | 'sourcePath' | 'dryRun' | 'defaultStatus' | 'createdBy'>;

/**
 * The raw SQL of ImportJob and ImportItem (see ImportJobsService for what each is for). Plain pg
 * rather than Prisma for everything an import runs: the CLI's import then never starts Prisma's
 * query compiler, a tenth of a second of an unchanged re-import (issue 15).
 */
@Injectable()
export class ImportJobsRepository {
  constructor(private readonly sql: SqlPool) {}

  async createJob(job: NewJob): Promise<ImportJob> {
    return this.oneJob(
      `INSERT INTO "ImportJob" (id, status, source, "sourcePath", "dryRun", "defaultStatus", "createdBy")
       VALUES ($1::uuid, 'QUEUED', $2, $3, $4, $5::"ArticleStatus", $6) RETURNING *`,
      [randomUUID(), job.source, job.sourcePath, job.dryRun, job.defaultStatus, job.createdBy],
    ) as Promise<ImportJob>;
  }

  job(id: string): Promise<ImportJob | null> {
    return this.oneJob(`SELECT * FROM "ImportJob" WHERE id = $1::uuid`, [id]);
  }

  markRunning(id: string, total: number | null): Promise<ImportJob | null> {
    return this.oneJob(
      `UPDATE "ImportJob" SET status = 'RUNNING', "startedAt" = now(), total = coalesce($2, total)
       WHERE id = $1::uuid RETURNING *`,
      [id, total],
    );
  }

  /** Ends the job with `status` (and `error`), unless it is not in one of `from` any more. */
  async end(id: string, from: ImportJob['status'][], status: ImportJob['status'], error: string | null): Promise<void> {
    await this.sql.query(
      `UPDATE "ImportJob" SET status = $3::"ImportJobStatus", error = coalesce($4, error), "finishedAt" = now()
       WHERE id = $1::uuid AND status = ANY($2::"ImportJobStatus"[])`,
      [id, from, status, error],
    );
  }

  async errorsOf(jobId: string, limit: number): Promise<Located[]> {
    const { rows } = await this.sql.query<{ path: string; line: number | null; message: string | null }>(
      `SELECT path, line, message FROM "ImportItem" WHERE "jobId" = $1::uuid AND outcome = 'FAILED'
       ORDER BY path LIMIT $2`,
      [jobId, limit],
    );
    return rows.map((e) => ({ path: e.path, line: e.line, message: e.message ?? '' }));
  }

  private async oneJob(sql: string, values: unknown[]): Promise<ImportJob | null> {
    return (await this.sql.query<ImportJob>(sql, values)).rows[0] ?? null;
  }

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

  async warningsOf(jobId: string, limit: number): Promise<Located[]> {
    const { rows } = await this.sql.query<Located>(
      `SELECT i.path, (w->>'line')::int AS line, w->>'message' AS message
       FROM "ImportItem" i, jsonb_array_elements(i.warnings) w
       WHERE i."jobId" = $1::uuid ORDER BY i.path LIMIT $2`,
      [jobId, limit],
    );
    return rows;
  }

  async warningCount(jobId: string): Promise<number> {
    const { rows } = await this.sql.query<{ count: number }>(
      `SELECT coalesce(sum(jsonb_array_length(warnings)), 0)::int AS count FROM "ImportItem" WHERE "jobId" = $1::uuid`,
      [jobId],
    );
    return rows[0]?.count ?? 0;
  }
}
