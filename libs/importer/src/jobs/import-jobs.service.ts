import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@pressroom/common';
import { PrismaService, type ImportJob, type SqlClient } from '@pressroom/database';
import { finalStatus, type ImportCounts, type ItemRecord } from './import-counts.js';
import { ImportJobsRepository } from './import-jobs.repository.js';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALL_STATUSES: ImportJob['status'][] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED'];

/** ImportJob and ImportItem rows: the importer's own tables. */
@Injectable()
export class ImportJobsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: ImportJobsRepository,
  ) {}

  create(input: NewImportJob): Promise<ImportJob> {
    return this.repository.createJob({
      source: input.source,
      sourcePath: input.sourcePath ?? null,
      dryRun: input.dryRun ?? false,
      defaultStatus: input.defaultStatus ?? 'PUBLISHED',
      createdBy: input.createdBy ?? null,
    });
  }

  async get(id: string): Promise<ImportJob> {
    const job = UUID.test(id) ? await this.repository.job(id) : null;
    if (!job) throw new NotFoundError('ImportJob', { id });
    return job;
  }

  /** Marks a job running (again, when resumed) with the number of files it has. */
  async markRunning(id: string, total?: number): Promise<ImportJob> {
    const job = await this.repository.markRunning(id, total ?? null);
    if (!job) throw new NotFoundError('ImportJob', { id });
    return job;
  }

  /**
   * Paths of `paths` that this job has already recorded: a resumed job skips them. Plain pg:
   * this runs for every batch, and Prisma's per-query cost showed in the import's profile.
   */
  async recordedPaths(jobId: string, paths: string[]): Promise<Set<string>> {
    if (!paths.length) return new Set();
    return new Set(await this.repository.recordedPaths(jobId, paths));
  }

  /** Which of these articles this job has created or updated so far (see JobWrites). */
  async writtenArticles(tx: Tx, jobId: string, articleIds: string[]): Promise<Map<string, 'CREATED' | 'UPDATED'>> {
    if (!articleIds.length) return new Map();
    const rows = await this.repository.writtenArticles(tx, jobId, articleIds);
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
    const rows = await this.repository.skipItems(tx, jobId, files);
    const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
    if (rows.length) {
      await this.repository.moveToSkipped(tx, jobId, count('CREATED'), count('UPDATED'), rows.length);
    }
    return new Map(rows.map((r) => [r.path, r.outcome]));
  }

  /** Records file outcomes and adds them to the job's counters, in the caller's transaction. */
  async recordItems(tx: Tx, jobId: string, items: ItemRecord[]): Promise<void> {
    if (!items.length) return;
    const inserted = await this.repository.insertItems(tx, jobId, items);
    const count = (outcome: string) => inserted.find((r) => r.outcome === outcome)?.n ?? 0;
    const processed = inserted.reduce((sum, r) => sum + r.n, 0);
    await this.repository.addCounts(tx, jobId, [
      processed,
      count('CREATED'),
      count('UPDATED'),
      count('UNCHANGED'),
      count('FAILED'),
      count('SKIPPED'),
    ]);
  }

  /**
   * Ends a job once every file is recorded; safe to call from every worker, only the first
   * call that sees the job complete changes it. Returns the job, finished or not.
   */
  async finishIfComplete(id: string): Promise<ImportJob> {
    const job = await this.get(id);
    if (job.status !== 'RUNNING' || job.processed < job.total) return job;
    await this.repository.end(id, ['RUNNING'], finalStatus(job), null);
    return this.get(id);
  }

  /** Ends a job that could not run at all (its source was refused). */
  async fail(id: string, error: string): Promise<ImportJob> {
    await this.repository.end(id, ALL_STATUSES, 'FAILED', error);
    return this.get(id);
  }

  /** Ends a job that gave up midway (see ImportQueue.work), unless it has ended already. */
  async failIfRunning(id: string, error: string): Promise<void> {
    await this.repository.end(id, ['QUEUED', 'RUNNING'], 'FAILED', error);
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
  errorsOf(jobId: string, limit = REPORT_LIST_LIMIT): Promise<Located[]> {
    return this.repository.errorsOf(jobId, limit);
  }

  /** Warnings of every file, in path order, at most `limit`. */
  warningsOf(jobId: string, limit = REPORT_LIST_LIMIT): Promise<Located[]> {
    return this.repository.warningsOf(jobId, limit);
  }

  /** How many warnings the job's files have in all. */
  warningCount(jobId: string): Promise<number> {
    return this.repository.warningCount(jobId);
  }
}
