import { AsyncResource } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { runWithRequest, type RequestContext } from '@pressroom/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';
import { APP_LOG } from './log.token.js';
import { MetricsService } from './metrics.service.js';
import { requestIdFrom } from './request-id.js';

const MAX_PATH = 200;
const QUIET_PATHS = /^\/(metrics|health)(\/|$)/;

type ObservedRequest = FastifyRequest & { context?: RequestContext; contextScope?: AsyncResource };

/**
 * One log line per request and its latency in /metrics. Sets the request id (the
 * caller's sane X-Request-Id, else a new one; echoed back) and runs the rest of the request with
 * a RequestContext that the token check and the GraphQL plugin fill in. The path is logged
 * without its query string (which may hold anything); headers are never logged.
 */
@Injectable()
export class RequestLog {
  constructor(
    @Inject(APP_LOG) private readonly log: Logger,
    private readonly metrics: MetricsService,
  ) {}

  /** The first hooks of every request, 404s and refused bodies included. */
  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request: ObservedRequest, reply, done) => this.start(request, reply, done));
    // A body arrives in the socket's callbacks, outside the context: the rest of the request is
    // put back in it once the body is read.
    fastify.addHook('preValidation', (request: ObservedRequest, _reply, done) => {
      if (request.contextScope) request.contextScope.runInAsyncScope(done);
      else done();
    });
  }

  private start(request: ObservedRequest, reply: FastifyReply, done: () => void): void {
    const context: RequestContext = { id: requestIdFrom(request.headers['x-request-id']) };
    request.context = context;
    // On the Node response: answers written past Fastify (the export's stream) carry it too.
    reply.raw.setHeader('X-Request-Id', context.id);
    const started = performance.now();
    reply.raw.once('close', () => {
      const elapsedMs = performance.now() - started;
      const status = statusOf(reply);
      this.metrics.observeRequest(request.method, routeOf(request, reply), status, elapsedMs / 1000);
      const cache = reply.getHeader('x-cache');
      if (cache === 'HIT' || cache === 'MISS') this.metrics.countCacheLookup(cache === 'HIT');
      this.logLine(request, reply, status, Math.round(elapsedMs));
    });
    runWithRequest(context, () => {
      request.contextScope = new AsyncResource('pressroom-request');
      done();
    });
  }

  /**
   * The request's line, built only when its level is logged. (pino-http did this before, and
   * made a child logger for every request whether or not it logged: 2% of a small read's CPU.)
   */
  private logLine(request: ObservedRequest, reply: FastifyReply, status: number, durationMs: number): void {
    const failed = status >= 500;
    const level = failed ? 'error' : QUIET_PATHS.test(pathOf(request)) && status < 400 ? 'debug' : 'info';
    if (!this.log.isLevelEnabled(level)) return;
    this.log[level](requestLine(request, reply, status, durationMs), failed ? 'request failed' : 'request completed');
  }
}

/**
 * nginx's status for a request whose client closed the connection before the answer's status
 * was sent: the status set by then (200 by default) was never anybody's answer.
 */
const CLIENT_CLOSED_REQUEST = 499;

function statusOf(reply: FastifyReply): number {
  return reply.raw.headersSent ? reply.statusCode : CLIENT_CLOSED_REQUEST;
}

function requestLine(
  request: ObservedRequest,
  reply: FastifyReply,
  status: number,
  durationMs: number,
): Record<string, unknown> {
  const context = request.context;
  const line: Record<string, unknown> = {
    reqId: context?.id,
    method: request.method,
    path: pathOf(request),
    status,
    durationMs,
  };
  const operation = context?.operation ?? bodyOperation(request);
  if (operation) line.operation = operation;
  if (context?.operationType) line.operationType = context.operationType;
  if (context?.errorCodes?.length) line.errors = context.errorCodes;
  if (context?.token) line.token = context.token;
  const cache = reply.getHeader('x-cache');
  if (cache) line.cache = cache;
  if (!reply.raw.writableFinished) line.aborted = true;
  return line;
}

function pathOf(request: FastifyRequest): string {
  const url = request.url;
  const end = url.indexOf('?');
  const path = end < 0 ? url : url.slice(0, end);
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}

/** The operation a request asked for, when Apollo did not resolve one (a cache hit, bad input). */
function bodyOperation(request: FastifyRequest): string | undefined {
  if (pathOf(request) !== GRAPHQL_PATH) return undefined;
  const body = request.body as { operationName?: unknown } | undefined;
  const name = body?.operationName ?? (request.query as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' && name ? name.slice(0, 100) : undefined;
}

/** The route's pattern (`/admin/imports/:id`), so ids and typos do not each make a time series. */
function routeOf(request: FastifyRequest, reply: FastifyReply): string {
  const route = request.routeOptions.url;
  if (typeof route === 'string') return route;
  return reply.statusCode === 404 ? 'unmatched' : 'other';
}
