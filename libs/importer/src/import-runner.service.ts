import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import {
  ArticleImportService,
  bulkIndexMerge,
  bulkIndexOff,
  bulkIndexOn,
  bulkIndexPrepare,
  duplicateWarning,
  type ImportedPost,
  type ImportedPostResult,
} from '@pressroom/content/import';
import { FRONTMATTER_LIMITS } from '@pressroom/frontmatter/limits';
import { isConnectionError, SqlPool, type ImportJob, type SqlClient } from '@pressroom/database';
import { setBatchSettings } from './batch-settings.repository.js';
import { chunksByBytes, split, splitByBytes } from './batches.js';
import { ExportService } from './export/export.service.js';
import { DuplicateFilesRepository, type DuplicateFile } from './jobs/duplicate-files.repository.js';
import type { ItemRecord } from './jobs/import-counts.js';
import { failedItem as failure, settledByHash, skippedFiles } from './jobs/settled-by-hash.js';
import { ByteBudget } from './memory/byte-budget.js';
import { ImportJobsService } from './jobs/import-jobs.service.js';
import { ParsePool } from './parsing/parse-pool.js';
import { PlannerStatistics } from './planner-statistics.service.js';
import type { ParseTask } from './parsing/parse-task.js';
import { toImportedPost } from './parsing/to-imported-post.js';
import type { ImportEntry, RejectedEntry } from './sources/import-entry.js';

/** Posts written per transaction, at most (fewer when they are large: see batchBytes()). */
const WRITE_BATCH = 250;
/** Files per worker-thread task: small enough to spread a batch over every core. */
const PARSE_TASK = 25;
/** Bytes of files per worker-thread task, at most: a thread holds a task's posts at once. */
const PARSE_TASK_BYTES = 1024 * 1024;
/** Batches parsed ahead of the writers (memory is bounded by IMPORT_BYTES_IN_FLIGHT). */
const PARSE_AHEAD = 2;
/** Files per hashing task: hashing is cheap, so fewer, larger tasks. */
const HASH_TASK = 125;
/** Batches written at once, on separate connections: PostgreSQL's share of the work (the
 * search vector, the GIN index) then runs beside the parse threads instead of after them. */
const WRITE_CONCURRENCY = 2;
/** PostgreSQL's statement timeout inside a batch's transaction (DATABASE_STATEMENT_TIMEOUT elsewhere). */
const BATCH_STATEMENT_TIMEOUT_MS = 300_000;
// Issue 12: an undated published post is shown, listed after every dated one; say so.
const UNDATED_WARNING = {
  line: null,
  message: 'no date (date, publishDate, file name date or lastmod): published undated, listed after dated posts',
};

/** A batch's bytes are taken from the budget before it is parsed and given back once written. */
interface PendingBatch {
  parsed: Promise<ParsedBatch>;
  bytes: number;
}

interface ParsedBatch {
  posts: ImportedPost[];
  /** Outcomes known before writing: parse failures, unreadable files. */
  items: ItemRecord[];
  warnings: Map<string, ItemRecord['warnings']>;
}

class DryRunRollback extends Error {
  constructor(readonly results: ImportedPostResult[]) {
    super('dry run');
  }
}

/**
 * Turns entries into articles: reads and parses files on worker threads while the previous
 * batch is written, one transaction per batch (articles, links, revisions, report together).
 * Files the job has already recorded are skipped, so a resumed job finishes where it stopped.
 */
@Injectable()
export class ImportRunner implements OnModuleDestroy {
  private readonly logger = new Logger(ImportRunner.name);
  private pool: ParsePool | null = null;
  /** Shared by every import this process runs, so the bound holds for concurrent batches too. */
  readonly budget: ByteBudget;
  /** IMPORT_BULK_SEARCH_INDEX: a batch's search-index entries merged at once (off: one by one). */
  private readonly bulkIndex: boolean;

  constructor(
    private readonly sql: SqlPool,
    private readonly jobs: ImportJobsService,
    private readonly articles: ArticleImportService,
    private readonly exports: ExportService,
    private readonly duplicates: DuplicateFilesRepository,
    private readonly statistics: PlannerStatistics,
    private readonly config: ConfigService<Env, true>,
  ) {
    this.budget = new ByteBudget(this.config.get('IMPORT_BYTES_IN_FLIGHT', { infer: true }));
    this.bulkIndex = this.config.get('IMPORT_BULK_SEARCH_INDEX', { infer: true });
  }

  async importEntries(
    job: ImportJob,
    entries: AsyncIterable<ImportEntry>,
    onProgress?: (files: number) => void,
  ): Promise<void> {
    const parsing: PendingBatch[] = [];
    const writing = new Set<Promise<void>>();
    let failure: unknown = null;
    const startWrite = async ({ parsed, bytes }: PendingBatch) => {
      if (writing.size >= WRITE_CONCURRENCY) await Promise.race(writing);
      if (failure) {
        this.releaseWhenSettled({ parsed, bytes });
        throw failure;
      }
      const write: Promise<void> = parsed
        .then((batch) => this.write(job, batch))
        .then((settled) => onProgress?.(settled))
        .catch((error: unknown) => void (failure ??= error)) // rethrown below, once
        .finally(() => {
          writing.delete(write);
          this.budget.release(bytes);
        });
      writing.add(write);
    };
    try {
      const batches = chunksByBytes(entries, WRITE_BATCH, this.batchBytes(), fileSize);
      for await (const { items: chunk, bytes } of batches) {
        // Room for this batch's bytes: first hand the batches already parsed to the writers
        // (writing is what gives bytes back), then wait for other imports of this process.
        while (!this.budget.tryAcquire(bytes)) {
          if (parsing.length) await startWrite(parsing.shift()!);
          else if (writing.size) await Promise.race(writing);
          else {
            await this.budget.acquire(bytes);
            break;
          }
        }
        const parsed = this.parseBatch(job, chunk);
        parsed.catch(() => undefined); // its writer reports the error; this only silences it early
        parsing.push({ parsed, bytes });
        if (parsing.length > PARSE_AHEAD) await startWrite(parsing.shift()!);
      }
      while (parsing.length) await startWrite(parsing.shift()!);
    } finally {
      // After a failure, batches never handed to a writer give their bytes back once parsed.
      for (const pending of parsing.splice(0)) this.releaseWhenSettled(pending);
    }
    await Promise.all(writing);
    if (failure) throw failure;
  }

  /** Bytes of files per batch: small enough that a parse-ahead and the writers' batches fit the budget. */
  private batchBytes(): number {
    return Math.max(1, Math.floor(this.budget.limit / (PARSE_AHEAD + 1 + WRITE_CONCURRENCY)));
  }

  private releaseWhenSettled({ parsed, bytes }: PendingBatch): void {
    void parsed.then(
      () => this.budget.release(bytes),
      () => this.budget.release(bytes),
    );
  }

  /** Records entries refused before parsing (archive links, bad paths, non-post uploads). */
  async recordRejected(jobId: string, rejected: RejectedEntry[]): Promise<void> {
    for (const part of split(rejected, WRITE_BATCH)) {
      const items: ItemRecord[] = part.map((r) => ({
        path: r.path,
        outcome: r.skipped ? 'SKIPPED' : 'FAILED',
        articleId: null,
        line: null,
        message: r.message,
        warnings: [],
      }));
      await this.sql.transaction((tx) => this.jobs.recordItems(tx, jobId, items), reportOnly);
    }
  }

  /**
   * When a job ends: merges what the search indexes have pending and switches the title's list
   * off again (batches switch it on, see bulkIndexOn()). Left on when the switch cannot have its
   * lock in time (another job's batch is writing): that job's end switches it off.
   */
  async endBulkIndex(jobId: string): Promise<void> {
    const off = await bulkIndexOff(this.sql).catch((error: unknown) => {
      this.logger.warn(`import ${jobId}: could not switch the search indexes' pending lists off: ${String(error)}`);
      return true; // the next job's end tries again
    });
    if (!off)
      this.logger.warn(`import ${jobId}: the search indexes' pending lists stay on (another import is writing)`);
  }

  /**
   * Starts the parse threads now rather than with the first batch: a thread takes a few hundred
   * milliseconds to start, which then overlaps the caller's walk of the folders (issue 15: an
   * unchanged re-import's main thread waited for them).
   */
  startThreads(): void {
    this.parsePool();
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }

  private parsePool(): ParsePool {
    this.pool ??= new ParsePool(
      this.config.get('IMPORT_THREADS', { infer: true }),
      this.config.get('IMPORT_FILE_TIME_BUDGET_MS', { infer: true }),
    );
    return this.pool;
  }

  private async parseBatch(job: ImportJob, entries: ImportEntry[]): Promise<ParsedBatch> {
    const done = await this.jobs.recordedPaths(
      job.id,
      entries.map((e) => e.path),
    );
    const batch: ParsedBatch = { posts: [], items: [], warnings: new Map() };
    const options = {
      timeZone: this.config.get('IMPORT_TIME_ZONE', { infer: true }),
      defaultStatus: job.defaultStatus === 'DRAFT' ? ('DRAFT' as const) : ('PUBLISHED' as const),
    };
    const files = entries.filter((e) => !done.has(e.path)).map((e) => ({ path: e.path, file: e.file }));
    const legacyPaths = new Map(entries.flatMap((e) => (e.legacyPath ? [[e.path, e.legacyPath] as const] : [])));
    const toParse = await this.withoutUnchanged(files, options, batch);
    const results = await Promise.all(
      splitByBytes(toParse, PARSE_TASK, PARSE_TASK_BYTES, fileSize).map((part) =>
        this.parsePool().parse({ ...options, files: part }),
      ),
    );
    for (const result of results.flat()) {
      if (!result.ok) {
        batch.items.push(
          failure(result.error.path, result.error.line, `${result.error.code}: ${result.error.message}`),
        );
        continue;
      }
      batch.posts.push(toImportedPost(result.post, result.columns, legacyPaths.get(result.post.sourcePath)));
      batch.warnings.set(result.post.sourcePath, [
        ...result.post.warnings.map((w) => ({ line: w.line, message: w.message })),
        ...(result.post.status === 'PUBLISHED' && result.post.publishedAt === null ? [UNDATED_WARNING] : []),
      ]);
    }
    await this.settleExports(batch, new Map(files.map((f) => [f.path, f.file])));
    return batch;
  }

  /**
   * Files that are exactly what exporting their article gives now (an export imported back
   * where it came from) are settled as UNCHANGED, whatever their path: nothing to write.
   * Serialising an article to compare costs a YAML render, a parse and an HTML render (4 ms a
   * post): only files that end with their article's stored body, as an export does, pay it
   * (issue 15: the posts an unchanged re-import parses, repeats of a story, paid it every time).
   */
  private async settleExports(batch: ParsedBatch, files: Map<string, string>): Promise<void> {
    const bodies = await this.articles.storedBodies(
      this.sql,
      batch.posts.map((p) => p.importKey),
    );
    const candidates = new Map<string, string>();
    for (const post of batch.posts) {
      const body = bodies.get(post.importKey);
      if (body === undefined) continue;
      const text = await readFile(files.get(post.path)!, 'utf8');
      if (text.endsWith(body)) candidates.set(post.path, text);
    }
    if (!candidates.size) return;
    const exports = await this.exports.exportsOf(
      batch.posts.filter((p) => candidates.has(p.path)).map((p) => p.importKey),
    );
    const kept: ImportedPost[] = [];
    for (const post of batch.posts) {
      const current = exports.get(post.importKey);
      if (!current || candidates.get(post.path) !== current.content) {
        kept.push(post);
        continue;
      }
      batch.items.push({
        path: post.path,
        outcome: 'UNCHANGED',
        articleId: current.articleId,
        line: null,
        message: null,
        warnings: batch.warnings.get(post.path) ?? [],
      });
    }
    batch.posts = kept;
  }

  /**
   * Files whose exact bytes were imported before from the same path are settled as UNCHANGED
   * here, by hash, without parsing and rendering them: that is what makes a re-import fast.
   * So are files skipped before as duplicates whose bytes are the same and whose identity's
   * article still has a smaller path (what the write would find: see planImport()). Only files
   * whose path an article has, or that were skipped before, are hashed (none, on a first import).
   */
  private async withoutUnchanged(
    files: ParseTask['files'],
    options: Omit<ParseTask, 'files'>,
    batch: ParsedBatch,
  ): Promise<ParseTask['files']> {
    const paths = files.map((f) => f.path);
    const [imported, skippedBefore] = await Promise.all([
      this.articles.importedFromPaths(this.sql, paths),
      this.duplicates.find(paths).then((found) => new Map(found.map((d) => [d.path, d]))),
    ]);
    const known = files.filter((f) => imported.has(f.path) || skippedBefore.has(f.path));
    const hashed = (
      await Promise.all(split(known, HASH_TASK).map((part) => this.parsePool().hash({ ...options, files: part })))
    ).flat();
    const same: DuplicateFile[] = [];
    for (const file of hashed) {
      const before = imported.has(file.path) ? undefined : skippedBefore.get(file.path);
      if (before && 'contentHash' in file && before.contentHash === file.contentHash) same.push(before);
    }
    const owners = await this.articles.duplicatesOf(this.sql, same);
    const settled = new Set<string>();
    for (const file of hashed) {
      const item = settledByHash(file, imported, skippedBefore, owners);
      if (!item) continue;
      batch.items.push(item);
      settled.add(file.path);
    }
    return files.filter((f) => !settled.has(f.path));
  }

  /** Writes one batch and its report; returns how many files it settled. */
  private async write(job: ImportJob, batch: ParsedBatch): Promise<number> {
    const toItem = (r: WriteResult): ItemRecord => ({
      path: r.path,
      outcome: r.outcome,
      articleId: job.dryRun ? null : r.articleId,
      line: null,
      message: r.outcome === 'FAILED' ? (r.warnings[0] ?? null) : null,
      warnings: [
        ...(batch.warnings.get(r.path) ?? []),
        ...(r.outcome === 'FAILED' ? [] : r.warnings.map((message) => ({ line: null, message }))),
      ],
    });
    const results = await this.writePosts(job, batch.posts, toItem, batch.warnings);
    // Successes were recorded with their articles; failures and dry runs are recorded now.
    const late = [...batch.items, ...results.filter((r) => job.dryRun || r.outcome === 'FAILED').map(toItem)];
    if (late.length) await this.sql.transaction((tx) => this.jobs.recordItems(tx, job.id, late), reportOnly);
    if (!job.dryRun) await this.statistics.written(results.filter(wroteArticle).length);
    return batch.items.length + results.length;
  }

  /**
   * One transaction for the batch; when it fails (a row the database refuses), the batch is
   * halved until the offending posts fail alone and every other post lands. A database that
   * cannot be reached fails the batch instead.
   */
  private async writePosts(
    job: ImportJob,
    posts: ImportedPost[],
    toItem: (r: WriteResult) => ItemRecord,
    parseWarnings: ParsedBatch['warnings'],
  ): Promise<WriteResult[]> {
    if (!posts.length) return [];
    const actor = job.createdBy ? `import:${job.createdBy}` : 'import';
    try {
      // The batch's search vectors go into the indexes in one merge (see bulkIndexOn()).
      const bulk = !job.dryRun && this.bulkIndex && (await bulkIndexOn(this.sql));
      return await this.sql.transaction(async (tx) => {
        // No wait for the WAL flush at each batch's commit: a batch a crash loses was not
        // recorded as done either (its report commits with it), so a resumed job writes it
        // again; the job's final status commit flushes every batch before it. No JIT: once the
        // table is large the planner's estimates pass jit_above_cost, and compiling a
        // statement that runs once never paid back (a third of PostgreSQL's CPU at 100k posts).
        // A longer statement timeout than the API's: one multi-row INSERT of a batch of long
        // posts may legitimately outlast a request's budget on a busy server.
        await setBatchSettings(tx, `${BATCH_STATEMENT_TIMEOUT_MS}ms`);
        if (bulk) await bulkIndexPrepare(tx);
        const written = await this.articles.importBatch(tx, posts, actor, (ids) =>
          this.jobs.writtenArticles(tx, job.id, ids),
        );
        if (job.dryRun) throw new DryRunRollback(written);
        if (bulk) await bulkIndexMerge(tx);
        const results = await this.settleTakeovers(tx, job.id, posts, written);
        await this.jobs.recordItems(tx, job.id, results.map(toItem));
        await this.duplicates.record(tx, skippedFiles(posts, results, parseWarnings));
        return results;
      }, wroteArticles);
    } catch (error) {
      if (error instanceof DryRunRollback) return error.results;
      // A lost connection is no post's fault: the whole batch fails and its queue message is
      // retried (its files recorded so far are skipped then).
      if (isConnectionError(error)) throw error;
      if (posts.length === 1) {
        this.logger.warn(`could not write ${posts[0]!.path}: ${(error as Error).message}`);
        return [
          {
            path: posts[0]!.path,
            outcome: 'FAILED',
            articleId: null,
            warnings: [`could not be stored: ${firstLine(error)}`],
          },
        ];
      }
      const middle = Math.ceil(posts.length / 2);
      return [
        ...(await this.writePosts(job, posts.slice(0, middle), toItem, parseWarnings)),
        ...(await this.writePosts(job, posts.slice(middle), toItem, parseWarnings)),
      ];
    }
  }

  /**
   * Reports a takeover within this job as if the batches had committed in path order: the
   * file that took the article over gets the outcome of the one it replaced, which is skipped.
   */
  private async settleTakeovers(
    tx: SqlClient,
    jobId: string,
    posts: ImportedPost[],
    results: ImportedPostResult[],
  ): Promise<ImportedPostResult[]> {
    const takeovers = results.filter((r) => r.tookOverFrom);
    if (!takeovers.length) return results;
    const keyOf = new Map(posts.map((p) => [p.path, p.importKey]));
    const replaced = await this.jobs.skipTakenOver(
      tx,
      jobId,
      takeovers.map((r) => ({ path: r.tookOverFrom!, warning: duplicateWarning(keyOf.get(r.path)!, r.path) })),
    );
    return results.map((r) => {
      const outcome = r.tookOverFrom ? replaced.get(r.tookOverFrom) : undefined;
      return outcome ? { ...r, outcome } : r;
    });
  }
}

/** Commits that only record outcomes leave readers' caches alone (see SqlPool.onCommit()). */
const reportOnly = () => false;
const wroteArticle = (r: { outcome: string }) => r.outcome === 'CREATED' || r.outcome === 'UPDATED';
const wroteArticles = (results: ImportedPostResult[]) => results.some(wroteArticle);

type WriteResult = ImportedPostResult | (Omit<ImportedPostResult, 'outcome'> & { outcome: 'FAILED' });

/**
 * What a file weighs in the byte budget: its size on disk, up to the parser's limit (a larger
 * file fails unread); an unreadable file weighs nothing, it fails when read. A stat costs a few
 * microseconds against the milliseconds of parsing the file.
 */
function fileSize(entry: { file: string }): number {
  const size = statSync(entry.file, { throwIfNoEntry: false })?.size ?? 0;
  return Math.min(size, FRONTMATTER_LIMITS.maxBytes);
}

function firstLine(error: unknown): string {
  return (
    String((error as Error).message ?? error)
      .split('\n')
      .filter(Boolean)
      .pop() ?? 'database error'
  );
}
