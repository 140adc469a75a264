import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DEFAULT_DATA_DIR, type Env } from '@pressroom/common';
import { isConnectionError, PrismaService, type ImportJob } from '@pressroom/database';
import { chunks } from './batches.js';
import { ImportJobsService, type NewImportJob } from './jobs/import-jobs.service.js';
import { ImportRunner } from './import-runner.service.js';
import { ProgressLog } from './jobs/progress-log.js';
import { ImportQueue, type BatchMessage, type JobMessage } from './queue/import-queue.service.js';
import { walkPosts } from './sources/folder-source.js';
import { type ImportEntry, type RejectedEntry, SourceRejectedError } from './sources/import-entry.js';
import { archiveKind } from './sources/archive-kind.js';
import { resolveInside } from './sources/safe-entry-path.js';
import { findSiteRoot, sitePath } from './sources/site-root.js';
import { stageFiles, type IncomingFile } from './sources/stage-files.js';

const BATCH_FILES = 250;

/**
 * Import jobs end to end. Uploads: saved under the job's folder, then staged (archives
 * extracted) and split into batch messages by a queue worker. The CLI: the same steps inline.
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
    private readonly config: ConfigService<Env, true>,
  ) {}

  /** Where a job keeps its uploaded and staged files until it ends. */
  jobFolder(jobId: string): string {
    return path.join(this.config.get('DATA_DIR', { infer: true }) ?? DEFAULT_DATA_DIR, 'imports', jobId);
  }

  /** Creates a queued job for files already saved under jobFolder(id)/upload, and enqueues it. */
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

  async startWorker(): Promise<void> {
    await this.queue.work(
      (m) => this.runJob(m),
      (m) => this.runBatch(m),
      (jobId, error) => this.giveUp(jobId, error),
    );
    const interrupted = await this.prisma.importJob.findMany({
      where: { status: { in: ['QUEUED', 'RUNNING'] }, source: 'upload' },
      select: { id: true },
    });
    for (const { id } of interrupted) await this.queue.sendJob(id);
  }

  /** Queue step 1: stage the job's files, count them, and enqueue one message per batch. */
  async runJob({ jobId }: JobMessage): Promise<void> {
    const job = await this.jobs.get(jobId);
    if (!['QUEUED', 'RUNNING'].includes(job.status)) return;
    const folder = this.jobFolder(jobId);
    try {
      const { files, rejected } = await this.stageOnce(job, folder);
      await writeFile(path.join(folder, SITE_ROOT_FILE), JSON.stringify(await findSiteRoot(files, true)));
      const batches: string[][] = [];
      for await (const chunk of chunks(walkPosts(files), BATCH_FILES)) batches.push(chunk.map((e) => e.path));
      const total = batches.reduce((sum, batch) => sum + batch.length, rejected);
      await this.jobs.markRunning(jobId, total);
      this.progress.due(jobId);
      this.logger.log({ msg: `import ${jobId} started: ${total} files in ${batches.length} batches`, jobId, total });
      await this.queue.sendBatches(jobId, batches);
      await this.finish(jobId);
    } catch (error) {
      if (!(error instanceof SourceRejectedError)) throw error;
      this.logger.warn(`import ${jobId} failed: ${error.code}: ${error.message}`);
      // Removed first, so a job reported failed has nothing left on disk.
      await rm(folder, { recursive: true, force: true });
      await this.jobs.fail(jobId, `${error.code}: ${error.message}`);
    }
  }

  /** Queue step 2: import one batch of staged files. */
  async runBatch({ jobId, paths }: BatchMessage): Promise<void> {
    const job = await this.jobs.get(jobId);
    if (job.status !== 'RUNNING') return;
    const root = path.join(this.jobFolder(jobId), 'files');
    const siteRoot = await this.siteRootOf(jobId, root);
    const entries: ImportEntry[] = [];
    const outside: RejectedEntry[] = [];
    for (const p of paths) {
      try {
        entries.push(siteEntry({ path: p, file: resolveInside(root, p) }, sitePath(p, siteRoot)));
      } catch (error) {
        outside.push({ path: p, message: (error as Error).message }); // fails that path alone
      }
    }
    await this.runner.recordRejected(jobId, outside);
    await this.runner.importEntries(job, iterate(entries));
    await this.finish(jobId);
  }

  /** The site root runJob found in the staged files (found again for a job staged before it did). */
  private async siteRootOf(jobId: string, staged: string): Promise<string> {
    const saved = await readFile(path.join(this.jobFolder(jobId), SITE_ROOT_FILE), 'utf8').catch(() => null);
    return saved === null ? findSiteRoot(staged, true) : (JSON.parse(saved) as string);
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

  /**
   * Extracts uploads into `files/` exactly once, even when two workers run the step; returns
   * the folder and how many entries were refused (already recorded as items).
   */
  private async stageOnce(job: ImportJob, folder: string): Promise<{ files: string; rejected: number }> {
    const files = path.join(folder, 'files');
    const summary = path.join(folder, 'staged.json');
    if (existsSync(files)) return { files, ...(JSON.parse(await readFile(summary, 'utf8')) as { rejected: number }) };
    const upload = path.join(folder, 'upload');
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as IncomingFile[];
    const staging = await mkdtemp(path.join(folder, 'staging-'));
    let rejected: RejectedEntry[];
    try {
      rejected = await stageFiles(
        manifest.map((f) => ({ name: f.name, file: path.join(upload, f.file) })),
        staging,
      );
    } catch (error) {
      // Staging the same bytes again would fail the same way: the job fails now, and no retry
      // leaves another half-extracted copy behind (issue 10).
      await rm(staging, { recursive: true, force: true });
      throw stagingFailure(error);
    }
    await this.runner.recordRejected(job.id, rejected);
    await writeFile(summary, JSON.stringify({ rejected: rejected.length }));
    await rename(staging, files).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await rm(staging, { recursive: true, force: true }); // another worker staged it first
    });
    return { files, rejected: rejected.length };
  }

  /** A step failed its last attempt: the job ends FAILED, saying why in general terms. */
  private async giveUp(jobId: string, error: unknown): Promise<void> {
    const reason = isConnectionError(error) ? 'the database was unavailable' : 'an internal error (see the server log)';
    this.logger.error(`import ${jobId} failed: a step failed every attempt: ${(error as Error).message}`);
    await this.jobs.failIfRunning(jobId, `IMPORT_STEP_FAILED: ${reason}`);
    await rm(this.jobFolder(jobId), { recursive: true, force: true });
  }

  private async finish(jobId: string): Promise<void> {
    const job = await this.jobs.finishIfComplete(jobId);
    if (['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(job.status)) {
      await rm(this.jobFolder(jobId), { recursive: true, force: true });
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

/** In a job's folder: the staged files' site root (see findSiteRoot()), for every batch. */
const SITE_ROOT_FILE = 'site-root.json';

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

/** Any error while staging is the upload's: a SourceRejectedError keeps its code. */
function stagingFailure(error: unknown): SourceRejectedError {
  if (error instanceof SourceRejectedError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new SourceRejectedError(`the upload could not be staged: ${reason}`, 'STAGING_FAILED');
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
