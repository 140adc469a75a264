import { performance } from 'node:perf_hooks';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { runWithRequest, type RequestContext } from '@pressroom/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';
import { APP_LOG } from './log.token.js';
import { MetricsService } from './metrics.service.js';
import { requestIdFrom } from './request-id.js';

const MAX_PATH = 200;
const QUIET_PATHS = /^\/(metrics|health)(\/|$)/;

type ObservedRequest = Request & { context?: RequestContext };

/**
 * One log line per request (pino-http) and its latency in /metrics. Sets the request id (the
 * caller's sane X-Request-Id, else a new one; echoed back) and runs the rest of the request with
 * a RequestContext that the token check and the GraphQL plugin fill in. The path is logged
 * without its query string (which may hold anything); headers are never logged.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly http: HttpLogger;

  constructor(
    @Inject(APP_LOG) log: Logger,
    private readonly metrics: MetricsService,
  ) {
    this.http = pinoHttp({
      logger: log,
      quietResLogger: true,
      wrapSerializers: false,
      serializers: { req: () => undefined },
      customLogLevel: (req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        return QUIET_PATHS.test(pathOf(req as Request)) && res.statusCode < 400 ? 'debug' : 'info';
      },
      customSuccessMessage: () => 'request completed',
      customErrorMessage: () => 'request failed',
      customSuccessObject: (req, res, value: { responseTime: number }) =>
        requestLine(req as ObservedRequest, res as Response, value.responseTime),
      customErrorObject: (req, res, _error, value: { responseTime: number }) =>
        requestLine(req as ObservedRequest, res as Response, value.responseTime),
    });
  }

  use(req: ObservedRequest, res: Response, next: NextFunction): void {
    const context: RequestContext = { id: requestIdFrom(req.headers['x-request-id']) };
    req.context = context;
    (req as { id?: string }).id = context.id;
    res.setHeader('X-Request-Id', context.id);
    const started = performance.now();
    res.once('close', () => {
      this.metrics.observeRequest(req.method, routeOf(req, res), res.statusCode, (performance.now() - started) / 1000);
      const cache = res.getHeader('x-cache');
      if (cache === 'HIT' || cache === 'MISS') this.metrics.countCacheLookup(cache === 'HIT');
    });
    runWithRequest(context, () => this.http(req, res, next));
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
