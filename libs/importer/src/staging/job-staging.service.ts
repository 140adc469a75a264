import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DEFAULT_DATA_DIR, type Env } from '@pressroom/common';
import type { ImportJob } from '@pressroom/database';
import { ImportRunner } from '../import-runner.service.js';
import { walkPosts } from '../sources/folder-source.js';
import { SourceRejectedError } from '../sources/import-entry.js';
import { resolveInside } from '../sources/safe-entry-path.js';
import { findSiteRoot } from '../sources/site-root.js';
import { stageFiles } from '../sources/stage-files.js';
import { type StagedFile, StagedFilesRepository, type StagedJob } from './staged-files.repository.js';
import { UploadStore } from './upload-store.js';

/** Bytes of staged files one statement writes or reads at most. */
const GROUP_BYTES = 16 * 1024 ** 2;

/** A job's files as staged once: its post files in batch order, and what staging found. */
export interface StagedUpload extends StagedJob {
  paths: string[];
}

/**
 * Moves an upload's files between PostgreSQL, where every worker can reach them, and folders
 * private to the step that needs them, which are removed when the step ends however it ends.
 */
@Injectable()
export class JobStaging {
  constructor(
    private readonly uploads: UploadStore,
    private readonly staged: StagedFilesRepository,
    private readonly runner: ImportRunner,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /**
   * Stages the job's upload (archives extracted, entries checked) and stores its post files for
   * the batches, once: a retry, or a second worker, finds it staged and reads the result.
   * Throws SourceRejectedError when the upload is refused as a whole.
   */
  async stage(job: ImportJob): Promise<StagedUpload> {
    const done = await this.staged.staged(job.id);
    if (done) return { ...done, paths: await this.staged.paths(job.id) };
    const folder = await this.privateFolder(`job-${job.id}-`);
    try {
      const incoming = await this.uploads.download(job.id, path.join(folder, 'upload'));
      if (!incoming) throw new SourceRejectedError('the upload is no longer stored', 'UPLOAD_MISSING');
      const files = path.join(folder, 'files');
      let rejected;
      try {
        rejected = await stageFiles(incoming, files);
      } catch (error) {
        throw stagingFailure(error); // the same bytes would fail the same way: no retry
      }
      await rm(path.join(folder, 'upload'), { recursive: true, force: true });
      // Items first, then the mark: an attempt cut short in between is redone, and items are
      // recorded once per path whatever the number of attempts.
      await this.runner.recordRejected(job.id, rejected);
      const siteRoot = await findSiteRoot(files, true);
      await this.storeFiles(job.id, files);
      await this.staged.markStaged(job.id, { siteRoot, rejected: rejected.length });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    return { ...(await this.staged.staged(job.id))!, paths: await this.staged.paths(job.id) };
  }

  /**
   * Writes these staged files of the job under a new private folder and returns it (to be
   * removed with release()). A path the job did not stage is left out (its read fails alone).
   */
  async checkout(jobId: string, paths: string[]): Promise<string> {
    const folder = await this.privateFolder(`batch-${jobId}-`);
    try {
      const sizes = await this.staged.sizes(jobId, paths);
      for (const group of byBytes(paths, (p) => sizes.get(p) ?? 0)) {
        for (const { path: p, content } of await this.staged.contents(jobId, group)) {
          const file = resolveInside(folder, p);
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, content);
        }
      }
      return folder;
    } catch (error) {
      await this.release(folder);
      throw error;
    }
  }

  release(folder: string): Promise<void> {
    return rm(folder, { recursive: true, force: true });
  }

  /** Deletes everything stored for the job's files: when it ends, however it ends. */
  async discard(jobId: string): Promise<void> {
    await this.staged.deleteForJob(jobId);
    await this.uploads.deleteForJob(jobId);
  }

  private async storeFiles(jobId: string, root: string): Promise<void> {
    let group: StagedFile[] = [];
    let bytes = 0;
    let seq = 0;
    for await (const entry of walkPosts(root)) {
      const content = await readFile(entry.file);
      group.push({ path: entry.path, seq: seq++, content });
      bytes += content.length;
      if (bytes >= GROUP_BYTES || group.length >= 1000) {
        await this.staged.insert(jobId, group);
        group = [];
        bytes = 0;
      }
    }
    await this.staged.insert(jobId, group);
  }

  /**
   * Removes the folders that processes killed mid-step left under this DATA_DIR (each process
   * works in its own `work-<pid>`; one whose process is gone is nobody's).
   */
  async sweepDeadProcessFolders(): Promise<void> {
    const names = await readdir(this.importsDir()).catch(() => [] as string[]);
    for (const name of names) {
      const pid = /^work-(\d+)$/.exec(name)?.[1];
      if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) {
        await rm(path.join(this.importsDir(), name), { recursive: true, force: true });
      }
    }
  }

  /** Under this process's own folder of DATA_DIR: nothing another process needs is put there. */
  private async privateFolder(prefix: string): Promise<string> {
    const parent = path.join(this.importsDir(), `work-${process.pid}`);
    await mkdir(parent, { recursive: true });
    return mkdtemp(path.join(parent, prefix));
  }

  private importsDir(): string {
    return path.join(this.config.get('DATA_DIR', { infer: true }) ?? DEFAULT_DATA_DIR, 'imports');
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** `items` in order, in groups whose sizes add up to GROUP_BYTES at most (or one item). */
function* byBytes<T>(items: T[], size: (item: T) => number): Generator<T[]> {
  let group: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (group.length && bytes + size(item) > GROUP_BYTES) {
      yield group;
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += size(item);
  }
  if (group.length) yield group;
}

/** Any error while staging is the upload's: a SourceRejectedError keeps its code. */
function stagingFailure(error: unknown): SourceRejectedError {
  if (error instanceof SourceRejectedError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new SourceRejectedError(`the upload could not be staged: ${reason}`, 'STAGING_FAILED');
}
