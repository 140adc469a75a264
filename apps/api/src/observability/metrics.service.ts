import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { codeLabel, OperationLabels } from './metric-labels.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The app's Prometheus registry (one per app, so tests' apps keep their own counts): request and
 * operation latencies, GraphQL errors by code, response cache lookups, Node's process metrics.
 * Gauges read at scrape time are added by StateMetrics.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly operations = new OperationLabels();

  private readonly httpDuration = new Histogram({
    name: 'pressroom_http_request_duration_seconds',
    help: 'HTTP requests by method, route (the pattern, not the path) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly operationDuration = new Histogram({
    name: 'pressroom_graphql_operation_duration_seconds',
    help: 'GraphQL operations Apollo ran, by name (first 100 names, then "other") and type',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly errors = new Counter({
    name: 'pressroom_graphql_errors_total',
    help: 'GraphQL errors by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  private readonly cacheLookups = new Counter({
    name: 'pressroom_response_cache_requests_total',
    help: 'GraphQL requests looked up in the response cache, by result (hit or miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** `name` is that of an operation that passed validation; null when it has none. */
  operationLabel(name: string | null | undefined): string {
    return this.operations.label(name);
  }

  observeOperation(operation: string, type: string, seconds: number): void {
    this.operationDuration.observe({ operation, type }, seconds);
  }

  countError(code: unknown): void {
    this.errors.inc({ code: codeLabel(code) });
  }

  countCacheLookup(hit: boolean): void {
    this.cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
