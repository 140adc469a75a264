import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@pressroom/common';
import { PrismaService, SqlPool, type ImportJob, type SqlClient } from '@pressroom/database';
import { finalStatus, type ImportCounts, type ItemRecord } from './import-counts.js';

type Tx = SqlClient;

/** A job's status and counts: what lists show, read from the job row alone. */
export type ImportSummary = Omit<ImportReport, 'errors' | 'warnings' | 'moreErrors' | 'moreWarnings'>;

/** How many errors and warnings a report lists at most; the rest are counted (moreErrors, moreWarnings). */
export const REPORT_LIST_LIMIT = 1000;

export interface ImportReport {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
  source: string;
  dryRun: boolean;
  counts: ImportCounts;
  progress: { processed: number; total: number };
  /** Why the whole job failed (a refused archive), if it did. */
  error: string | null;
  errors: Located[];
  warnings: Located[];
  /** Failed files past `errors` (its first REPORT_LIST_LIMIT): never dropped without a word. */
  moreErrors: number;
  /** Warnings past `warnings`; every file's outcome stays queryable (GraphQL importJob.items). */
  moreWarnings: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** One status's jobs and their files (see ImportJobsService.totalsByStatus). */
export interface ImportTotals {
  status: string;
  jobs: number;
  files: Omit<ImportCounts, 'total'>;
}

export interface Located {
  path: string;
  line: number | null;
  message: string;
}

export interface NewImportJob {
  source: string;
  sourcePath?: string | null;
  dryRun?: boolean;
  defaultStatus?: 'DRAFT' | 'PUBLISHED';
  createdBy?: string | null;
}

/** ImportJob and ImportItem rows: the importer's own tables. */
@Injectable()
export class ImportJobsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: SqlPool,
  ) {}

  create(input: NewImportJob): Promise<ImportJob> {
    return this.prisma.importJob.create({ data: { ...input, status: 'QUEUED' } });
  }

  async get(id: string): Promise<ImportJob> {
    const job = await this.prisma.importJob.findUnique({ where: { id } });
    if (!job) throw new NotFoundError('ImportJob', { id });
    return job;
  }

  /** Marks a job running (again, when resumed) with the number of files it has. */
  markRunning(id: string, total?: number): Promise<ImportJob> {
    return this.prisma.importJob.update({
      where: { id },
      data: { status: 'RUNNING', startedAt: new Date(), ...(total === undefined ? {} : { total }) },
    });
  }

  /**
   * Paths of `paths` that this job has already recorded: a resumed job skips them. Plain pg:
   * this runs for every batch, and Prisma's per-query cost showed in the import's profile.
   */
  async recordedPaths(jobId: string, paths: string[]): Promise<Set<string>> {
    if (!paths.length) return new Set();
    const { rows } = await this.sql.query<{ path: string }>(
      `SELECT path FROM "ImportItem" WHERE "jobId" = $1::uuid AND path = ANY($2::text[])`,
      [jobId, paths],
    );
    return new Set(rows.map((r) => r.path));
  }

  /** Which of these articles this job has created or updated so far (see JobWrites). */
  async writtenArticles(tx: Tx, jobId: string, articleIds: string[]): Promise<Map<string, 'CREATED' | 'UPDATED'>> {
    if (!articleIds.length) return new Map();
    const { rows } = await tx.query<{ id: string; outcome: 'CREATED' | 'UPDATED' }>(
      `SELECT "articleId"::text AS id, outcome::text AS outcome FROM "ImportItem"
       WHERE "jobId" = $1::uuid AND "articleId" = ANY($2::uuid[]) AND outcome IN ('CREATED', 'UPDATED')`,
      [jobId, articleIds],
    );
    return new Map(rows.map((r) => [r.id, r.outcome]));
  }

  /**
   * Files of this job whose article a file of the same identity with a smaller path took over
   * (its batch committed later): each becomes SKIPPED with `warning`, as it would have been had
   * the batches committed in path order, and its counter moves to skipped. Returns the outcome
   * each had (CREATED or UPDATED), which passes to the file that took over.
   */
  async skipTakenOver(
    tx: Tx,
    jobId: string,
    files: { path: string; warning: string }[],
  ): Promise<Map<string, 'CREATED' | 'UPDATED'>> {
    if (!files.length) return new Map();
    const { rows } = await tx.query<{ path: string; outcome: 'CREATED' | 'UPDATED' }>(
      `WITH before AS (
         SELECT i.id, i.path, i.outcome::text AS outcome FROM "ImportItem" i
         WHERE i."jobId" = $1::uuid AND i.path = ANY($2::text[]) AND i.outcome IN ('CREATED', 'UPDATED')
         FOR UPDATE
       ), skipped AS (
         UPDATE "ImportItem" i SET outcome = 'SKIPPED', "articleId" = NULL,
           warnings = jsonb_build_array(jsonb_build_object('line', NULL, 'message', w.warning))
         FROM before b JOIN unnest($2::text[], $3::text[]) AS w(path, warning) ON w.path = b.path
         WHERE i.id = b.id
       )
       SELECT path, outcome FROM before`,
      [jobId, files.map((f) => f.path), files.map((f) => f.warning)],
    );
    const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
    if (rows.length) {
      await tx.query(
        `UPDATE "ImportJob" SET created = created - $2, updated = updated - $3, skipped = skipped + $4 WHERE id = $1::uuid`,
        [jobId, count('CREATED'), count('UPDATED'), rows.length],
      );
    }
    return new Map(rows.map((r) => [r.path, r.outcome]));
  }

  /** Records file outcomes and adds them to the job's counters, in the caller's transaction. */
  async recordItems(tx: Tx, jobId: string, items: ItemRecord[]): Promise<void> {
    if (!items.length) return;
    const { rows: inserted } = await tx.query<{ outcome: string; n: number }>(
      `WITH ins AS (
         INSERT INTO "ImportItem" (id, "jobId", path, outcome, "articleId", line, message, warnings)
         SELECT gen_random_uuid(), $1::uuid, p, o::"ImportItemOutcome", a, l, m, w::jsonb
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
        items.map((i) => JSON.stringify(i.warnings)),
      ],
    );
    const count = (outcome: string) => inserted.find((r) => r.outcome === outcome)?.n ?? 0;
    const processed = inserted.reduce((sum, r) => sum + r.n, 0);
    await tx.query(
      `UPDATE "ImportJob" SET processed = processed + $2, created = created + $3, updated = updated + $4,
         unchanged = unchanged + $5, failed = failed + $6, skipped = skipped + $7 WHERE id = $1::uuid`,
      [jobId, processed, count('CREATED'), count('UPDATED'), count('UNCHANGED'), count('FAILED'), count('SKIPPED')],
    );
  }

  /**
   * Ends a job once every file is recorded; safe to call from every worker, only the first
   * call that sees the job complete changes it. Returns the job, finished or not.
   */
  async finishIfComplete(id: string): Promise<ImportJob> {
    const job = await this.get(id);
    if (job.status !== 'RUNNING' || job.processed < job.total) return job;
    const status = finalStatus(job);
    await this.prisma.importJob.updateMany({
      where: { id, status: 'RUNNING' },
      data: { status, finishedAt: new Date() },
    });
    return this.get(id);
  }

  /** Ends a job that could not run at all (its source was refused). */
  async fail(id: string, error: string): Promise<ImportJob> {
    return this.prisma.importJob.update({ where: { id }, data: { status: 'FAILED', error, finishedAt: new Date() } });
  }

  /** Ends a job that gave up midway (see ImportQueue.work), unless it has ended already. */
  async failIfRunning(id: string, error: string): Promise<void> {
    await this.prisma.importJob.updateMany({
      where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
      data: { status: 'FAILED', error, finishedAt: new Date() },
    });
  }

  list(args: { take: number; cursor?: string }): Promise<ImportJob[]> {
    return this.prisma.importJob.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: args.take,
      ...(args.cursor ? { cursor: { id: args.cursor }, skip: 1 } : {}),
    });
  }

  count(): Promise<number> {
    return this.prisma.importJob.count();
  }

  /** Jobs kept, by status, with their files by outcome summed (/metrics): one aggregate query. */
  async totalsByStatus(): Promise<ImportTotals[]> {
    const groups = await this.prisma.importJob.groupBy({
      by: ['status'],
      _count: { _all: true },
      _sum: { created: true, updated: true, unchanged: true, failed: true, skipped: true },
    });
    return groups.map((g) => ({
      status: g.status,
      jobs: g._count._all,
      files: {
        created: g._sum.created ?? 0,
        updated: g._sum.updated ?? 0,
        unchanged: g._sum.unchanged ?? 0,
        failed: g._sum.failed ?? 0,
        skipped: g._sum.skipped ?? 0,
      },
    }));
  }

  /** What the CLI, GET /admin/imports/:id and GraphQL report about a job. */
  async report(id: string): Promise<ImportReport> {
    const job = await this.get(id);
    const [errors, warnings, warningCount] = await Promise.all([
      this.errorsOf(id),
      this.warningsOf(id),
      this.warningCount(id),
    ]);
    const moreErrors = Math.max(0, job.failed - errors.length);
    return { ...this.summary(job), errors, warnings, moreErrors, moreWarnings: warningCount - warnings.length };
  }

  /** The report without its per-file lists: no query, so a page of jobs costs one. */
  summary(job: ImportJob): ImportSummary {
    const { total, created, updated, unchanged, failed, skipped, processed } = job;
    return {
      id: job.id,
      status: job.status.toLowerCase() as ImportReport['status'],
      source: job.source,
      dryRun: job.dryRun,
      counts: { total, created, updated, unchanged, failed, skipped },
      progress: { processed, total },
      error: job.error,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
    };
  }

  /** Failed files, in path order, at most `limit`. */
  async errorsOf(jobId: string, limit = REPORT_LIST_LIMIT): Promise<Located[]> {
    const rows = await this.prisma.importItem.findMany({
      where: { jobId, outcome: 'FAILED' },
      orderBy: { path: 'asc' },
      take: limit,
      select: { path: true, line: true, message: true },
    });
    return rows.map((e) => ({ path: e.path, line: e.line, message: e.message ?? '' }));
  }

  /** Warnings of every file, in path order, at most `limit`. */
  warningsOf(jobId: string, limit = REPORT_LIST_LIMIT): Promise<Located[]> {
    return this.prisma.$queryRawUnsafe<Located[]>(
      `SELECT i.path, (w->>'line')::int AS line, w->>'message' AS message
       FROM "ImportItem" i, jsonb_array_elements(i.warnings) w
       WHERE i."jobId" = $1::uuid ORDER BY i.path LIMIT $2`,
      jobId,
      limit,
    );
  }

  /** How many warnings the job's files have in all. */
  async warningCount(jobId: string): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT coalesce(sum(jsonb_array_length(warnings)), 0)::int AS count FROM "ImportItem" WHERE "jobId" = $1::uuid`,
      jobId,
    );
    return row?.count ?? 0;
  }
}
