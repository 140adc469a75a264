import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { isConnectionError, PrismaService, type ImportJob } from '@pressroom/database';
import { split } from './batches.js';
import { ImportJobsService, type NewImportJob } from './jobs/import-jobs.service.js';
import { ImportRunner } from './import-runner.service.js';
import { ProgressLog } from './jobs/progress-log.js';
import { ImportQueue, type BatchMessage, type JobMessage } from './queue/import-queue.service.js';
import { walkPosts } from './sources/folder-source.js';
import { type ImportEntry, type RejectedEntry, SourceRejectedError } from './sources/import-entry.js';
import { archiveKind } from './sources/archive-kind.js';
import { resolveInside } from './sources/safe-entry-path.js';
import { findSiteRoot, sitePath } from './sources/site-root.js';
import { stageFiles } from './sources/stage-files.js';
import { JobStaging } from './staging/job-staging.service.js';
import { UploadStore } from './staging/upload-store.js';

const BATCH_FILES = 250;

/**
 * Import jobs end to end. Uploads: stored in PostgreSQL by the request, then staged (archives
 * extracted) and split into batch messages by whichever queue worker takes the job; each batch
 * reads its files from PostgreSQL too. The CLI: the same steps inline, from local paths.
 */
@Injectable()
export class ImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportService.name);
  private readonly progress = new ProgressLog();

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: ImportJobsService,
    private readonly runner: ImportRunner,
    private readonly queue: ImportQueue,
    private readonly staging: JobStaging,
    private readonly uploads: UploadStore,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /** Enqueues a job whose upload is stored (see UploadStore). */
  async submit(job: ImportJob): Promise<ImportJob> {
    await this.queue.sendJob(job.id);
    return job;
  }

  createJob(input: NewImportJob): Promise<ImportJob> {
    return this.jobs.create(input);
  }

  /** Workers in this process (unless IMPORT_WORKER=false), and jobs a dead process left behind. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('IMPORT_WORKER', { infer: true })) return;
    await this.startWorker();
  }

  /**
   * Consumes the queue, and enqueues again the unfinished upload jobs that have no message left
   * (one lost with a queue reset, or a crash between creating a job and sending it). A job a
   * worker is running, or whose messages wait or will be retried, is left alone: sending it
   * again would stage it and send its batches twice. A dead worker's messages come back to the
   * queue once they expire (IMPORT_EXPIRE_SECONDS).
   */
  async startWorker(): Promise<void> {
    await this.queue.work(
      (m) => this.runJob(m),
      (m) => this.runBatch(m),
      (jobId, error) => this.giveUp(jobId, error),
    );
    await this.uploads.deleteAbandoned(ABANDONED_UPLOAD_HOURS);
    await this.staging.sweepDeadProcessFolders();
    const unfinished = await this.prisma.importJob.findMany({
      where: { status: { in: ['QUEUED', 'RUNNING'] }, source: 'upload' },
      select: { id: true },
    });
    const live = await this.queue.liveJobIds(unfinished.map((j) => j.id));
    for (const { id } of unfinished) if (!live.has(id)) await this.queue.sendJob(id);
  }

  /** Queue step 1: stage the job's files, count them, and enqueue one message per batch. */
  async runJob({ jobId }: JobMessage): Promise<void> {
    const job = await this.jobs.get(jobId);
    if (!['QUEUED', 'RUNNING'].includes(job.status)) return;
    try {
      const { paths, rejected } = await this.staging.stage(job);
      const batches = split(paths, BATCH_FILES);
      const total = paths.length + rejected;
      await this.jobs.markRunning(jobId, total);
      this.progress.due(jobId);
      this.logger.log({ msg: `import ${jobId} started: ${total} files in ${batches.length} batches`, jobId, total });
      await this.queue.sendBatches(jobId, batches);
      await this.finish(jobId);
    } catch (error) {
      if (!(error instanceof SourceRejectedError)) throw error;
      this.logger.warn(`import ${jobId} failed: ${error.code}: ${error.message}`);
      // Deleted first, so a job reported failed has nothing left stored.
      await this.staging.discard(jobId);
      await this.jobs.fail(jobId, `${error.code}: ${error.message}`);
    }
  }

  /** Queue step 2: import one batch of staged files, read from the database into a private folder. */
  async runBatch({ jobId, paths }: BatchMessage): Promise<void> {
    const job = await this.jobs.get(jobId);
    if (job.status !== 'RUNNING') return;
    const root = await this.staging.checkout(jobId, paths);
    try {
      const entries: ImportEntry[] = [];
      const outside: RejectedEntry[] = [];
      for (const p of paths) {
        try {
          entries.push(siteEntry({ path: p, file: resolveInside(root, p) }, sitePath(p, job.siteRoot ?? '')));
        } catch (error) {
          outside.push({ path: p, message: (error as Error).message }); // fails that path alone
        }
      }
      await this.runner.recordRejected(jobId, outside);
      await this.runner.importEntries(job, iterate(entries));
    } finally {
      await this.staging.release(root);
    }
    await this.finish(jobId);
  }

  /**
   * The CLI: imports folders, files or archives given as paths, inline, with progress.
   * With several paths, each file's path starts with its root's name, so they stay apart.
   */
  async importPaths(
    job: ImportJob,
    inputs: string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportJob> {
    this.runner.startThreads();
    const temp = await mkdtemp(path.join(tmpdir(), 'pressroom-import-'));
    try {
      const roots = await this.cliRoots(job, inputs, temp);
      const total = (await countEntries(allEntries(roots))) + (await this.jobs.get(job.id)).processed;
      await this.jobs.markRunning(job.id, total);
      let done = (await this.jobs.get(job.id)).processed;
      this.progress.due(job.id);
      this.logger.log({ msg: `import ${job.id} started: ${total} files`, jobId: job.id, total });
      onProgress?.(done, total);
      await this.runner.importEntries(job, allEntries(roots), (n) => {
        done += n;
        onProgress?.(done, total);
        if (this.progress.due(job.id)) this.logProgress(job.id, done, total);
      });
      const finished = await this.jobs.finishIfComplete(job.id);
      this.logEnd(finished);
      return finished;
    } catch (error) {
      if (!(error instanceof SourceRejectedError)) throw error;
      this.logger.warn(`import ${job.id} failed: ${error.code}: ${error.message}`);
      return this.jobs.fail(job.id, `${error.code}: ${error.message}`);
    } finally {
      this.progress.forget(job.id);
      await this.runner.endBulkIndex(job.id);
      await rm(temp, { recursive: true, force: true });
    }
  }

  private async cliRoots(job: ImportJob, inputs: string[], temp: string): Promise<CliRoot[]> {
    const roots: CliRoot[] = [];
    for (const [index, input] of inputs.entries()) {
      const prefix = inputs.length > 1 ? `${path.basename(path.resolve(input))}/` : '';
      const info = await stat(input);
      if (info.isFile() && (await archiveKind(input))) {
        const target = path.join(temp, String(index));
        const rejected = await stageFiles([{ name: path.basename(input), file: input }], target);
        await this.runner.recordRejected(
          job.id,
          rejected.map((r) => ({ ...r, path: prefix + r.path })),
        );
        roots.push({ root: target, prefix, archive: true });
      } else roots.push({ root: input, prefix, archive: false });
    }
    return roots;
  }

  /** A step failed its last attempt: the job ends FAILED, saying why in general terms. */
  private async giveUp(jobId: string, error: unknown): Promise<void> {
    const reason = isConnectionError(error) ? 'the database was unavailable' : 'an internal error (see the server log)';
    this.logger.error(`import ${jobId} failed: a step failed every attempt: ${(error as Error).message}`);
    await this.jobs.failIfRunning(jobId, `IMPORT_STEP_FAILED: ${reason}`);
    await this.staging.discard(jobId);
    await this.runner.endBulkIndex(jobId);
  }

  private async finish(jobId: string): Promise<void> {
    const job = await this.jobs.finishIfComplete(jobId);
    if (['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(job.status)) {
      await this.staging.discard(jobId);
      await this.runner.endBulkIndex(jobId);
      this.progress.forget(jobId);
      this.logEnd(job);
    } else if (job.status === 'RUNNING' && this.progress.due(jobId)) {
      this.logProgress(jobId, job.processed, job.total);
    }
  }

  private logProgress(jobId: string, processed: number, total: number): void {
    this.logger.log({ msg: `import ${jobId} progress: ${processed}/${total} files`, jobId, processed, total });
  }

  private logEnd(job: ImportJob): void {
    if (!['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(job.status)) return;
    const { id: jobId, status, created, updated, unchanged, failed, skipped } = job;
    this.logger.log({
      msg: `import ${jobId} ${status.toLowerCase()}: ${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed, ${skipped} skipped`,
      jobId,
      status,
      counts: { created, updated, unchanged, failed, skipped },
    });
  }
}

/** Unclaimed uploads older than this were cut short by a crash: deleted when a worker starts. */
const ABANDONED_UPLOAD_HOURS = 24;

interface CliRoot {
  root: string;
  /** With several inputs, each one's name, so their files stay apart. */
  prefix: string;
  archive: boolean;
}

async function* allEntries(roots: CliRoot[]): AsyncGenerator<ImportEntry> {
  for (const { root, prefix, archive } of roots) {
    const siteRoot = await findSiteRoot(root, archive);
    for await (const entry of walkPosts(root)) {
      yield siteEntry({ ...entry, path: prefix + entry.path }, prefix + sitePath(entry.path, siteRoot));
    }
  }
}

/** An entry named by its path in the site, remembering the one imports used to give. */
function siteEntry(entry: ImportEntry, sitePath: string): ImportEntry {
  return sitePath === entry.path ? entry : { path: sitePath, legacyPath: entry.path, file: entry.file };
}

async function* iterate<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function countEntries(entries: AsyncIterable<ImportEntry>): Promise<number> {
  let count = 0;
  for await (const _entry of entries) count++;
  return count;
}
