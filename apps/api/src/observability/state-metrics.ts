import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DatabasePool } from '@pressroom/database';
import { ImportJobsService, type ImportTotals } from '@pressroom/importer';
import { Gauge } from 'prom-client';
import { ResponseCache } from '../response-cache/response-cache.service.js';
import { MetricsService } from './metrics.service.js';

const OUTCOMES = ['created', 'updated', 'unchanged', 'failed', 'skipped'] as const;
const STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED'];

/**
 * Gauges read when /metrics is scraped, not kept up to date: the database pools' connections,
 * the response cache's size, and import jobs from the ImportJob table (so every replica reports
 * the jobs of every worker; one aggregate query a scrape, shared by both import gauges).
 */
@Injectable()
export class StateMetrics implements OnModuleInit {
  private readonly logger = new Logger(StateMetrics.name);
  /** The import query of the scrape under way, started by the first import gauge. */
  private pendingTotals: Promise<ImportTotals[] | null> | null = null;

  constructor(
    private readonly metrics: MetricsService,
    private readonly database: DatabasePool,
    private readonly cache: ResponseCache,
    private readonly jobs: ImportJobsService,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const database = this.database;
    new Gauge({
      name: 'pressroom_db_pool_connections',
      help: 'Connections of the process pool on the primary (and on the replica, when set) by state: total, idle, waiting (queued queries)',
      labelNames: ['pool', 'state'] as const,
      registers,
      collect() {
        for (const [pool, stats] of Object.entries(database.stats())) {
          for (const [state, value] of Object.entries(stats ?? {})) this.set({ pool, state }, value);
        }
      },
    });
    const cache = this.cache;
    new Gauge({
      name: 'pressroom_response_cache_bytes',
      help: 'Bytes the response cache holds, counted against RESPONSE_CACHE_MAX_BYTES',
      registers,
      collect() {
        this.set(cache.bytes);
      },
    });
    const startTotals = () => (this.pendingTotals = this.importTotals());
    const takeTotals = () => {
      const pending = this.pendingTotals ?? this.importTotals();
      this.pendingTotals = null;
      return pending;
    };
    new Gauge({
      name: 'pressroom_import_jobs',
      help: 'Import jobs kept in the database, by status',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const rows = await startTotals();
        if (!rows) return;
        for (const status of STATUSES) this.set({ status }, rows.find((r) => r.status === status)?.jobs ?? 0);
      },
    });
    new Gauge({
      name: 'pressroom_import_files',
      help: 'Files of the import jobs kept in the database, by outcome',
      labelNames: ['outcome'] as const,
      registers,
      async collect() {
        const rows = await takeTotals();
        if (!rows) return;
        for (const outcome of OUTCOMES)
          this.set(
            { outcome },
            rows.reduce((sum, r) => sum + r.files[outcome], 0),
          );
      },
    });
  }

  /** Null, keeping the last values, when the database does not answer. */
  private importTotals(): Promise<ImportTotals[] | null> {
    return this.jobs.totalsByStatus().catch((error: unknown) => {
      this.logger.warn(`import metrics unavailable: ${(error as Error).message}`);
      return null;
    });
  }
}
