import { performance } from 'node:perf_hooks';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { runWithRequest, type RequestContext } from '@pressroom/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';
import { APP_LOG } from './log.token.js';
import { MetricsService } from './metrics.service.js';
import { requestIdFrom } from './request-id.js';

const MAX_PATH = 200;
const QUIET_PATHS = /^\/(metrics|health)(\/|$)/;

type ObservedRequest = Request & { context?: RequestContext };

/**
 * One log line per request and its latency in /metrics. Sets the request id (the
 * caller's sane X-Request-Id, else a new one; echoed back) and runs the rest of the request with
 * a RequestContext that the token check and the GraphQL plugin fill in. The path is logged
 * without its query string (which may hold anything); headers are never logged.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  constructor(
    @Inject(APP_LOG) private readonly log: Logger,
    private readonly metrics: MetricsService,
  ) {}

  use(req: ObservedRequest, res: Response, next: NextFunction): void {
    const context: RequestContext = { id: requestIdFrom(req.headers['x-request-id']) };
    req.context = context;
    (req as { id?: string }).id = context.id;
    res.setHeader('X-Request-Id', context.id);
    const started = performance.now();
    res.once('close', () => {
      const elapsedMs = performance.now() - started;
      this.metrics.observeRequest(req.method, routeOf(req, res), res.statusCode, elapsedMs / 1000);
      const cache = res.getHeader('x-cache');
      if (cache === 'HIT' || cache === 'MISS') this.metrics.countCacheLookup(cache === 'HIT');
      this.logLine(req, res, Math.round(elapsedMs));
    });
    runWithRequest(context, next);
  }

  /**
   * The request's line, built only when its level is logged. (pino-http did this before, and
   * made a child logger for every request whether or not it logged: 2% of a small read's CPU.)
   */
  private logLine(req: ObservedRequest, res: Response, durationMs: number): void {
    const failed = res.statusCode >= 500;
    const level = failed ? 'error' : QUIET_PATHS.test(pathOf(req)) && res.statusCode < 400 ? 'debug' : 'info';
    if (!this.log.isLevelEnabled(level)) return;
    this.log[level](requestLine(req, res, durationMs), failed ? 'request failed' : 'request completed');
  }
}

function requestLine(req: ObservedRequest, res: Response, durationMs: number): Record<string, unknown> {
  const context = req.context;
  const line: Record<string, unknown> = {
    reqId: context?.id,
    method: req.method,
    path: pathOf(req),
    status: res.statusCode,
    durationMs,
  };
  const operation = context?.operation ?? bodyOperation(req);
  if (operation) line.operation = operation;
  if (context?.operationType) line.operationType = context.operationType;
  if (context?.errorCodes?.length) line.errors = context.errorCodes;
  if (context?.token) line.token = context.token;
  const cache = res.getHeader('x-cache');
  if (cache) line.cache = cache;
  if (!res.writableFinished) line.aborted = true;
  return line;
}

function pathOf(req: Request): string {
  const url = req.originalUrl ?? req.url;
  const end = url.indexOf('?');
  const path = end < 0 ? url : url.slice(0, end);
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}

/** The operation a request asked for, when Apollo did not resolve one (a cache hit, bad input). */
function bodyOperation(req: Request): string | undefined {
  if (pathOf(req) !== GRAPHQL_PATH) return undefined;
  const body = req.body as { operationName?: unknown } | undefined;
  const name = body?.operationName ?? (req.query as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' && name ? name.slice(0, 100) : undefined;
}

/** The route's pattern (`/admin/imports/:id`), so ids and typos do not each make a time series. */
function routeOf(req: Request, res: Response): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  // Nest maps every route, full path included, on the app's router (req.baseUrl may be that of
  // a middleware the request went through).
  if (typeof route === 'string') return route;
  if (pathOf(req) === GRAPHQL_PATH) return GRAPHQL_PATH;
  return res.statusCode === 404 ? 'unmatched' : 'other';
}
