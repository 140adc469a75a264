import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { responseCacheKey } from './response-cache-key.js';
import { ResponseCache, type CachedResponse } from './response-cache.service.js';

// Express computes these from the body when it sends it; the stored ETag is replayed as is.
const COMPUTED = new Set(['content-length', 'etag']);

/**
 * In front of Apollo at /graphql: answers a cacheable anonymous read from ResponseCache, and
 * stores what Apollo answers when the response says shared caches may keep it (`public`, set by
 * cache-headers.plugin.ts for anonymous queries without errors), for its max-age. A hit goes through Express's
 * `send` with the stored headers and ETag, so Cache-Control, Vary, ETag and 304 answers are those
 * of the original; `Age` says how long ago it was stored, so a CDN keeps it only for the rest of
 * its max-age. `X-Cache` is HIT or MISS for every request looked up.
 */
@Injectable()
export class ResponseCacheMiddleware implements NestMiddleware {
  constructor(private readonly cache: ResponseCache) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const key = this.cache.enabled ? responseCacheKey(req) : null;
    if (key === null) return next();
    const hit = this.cache.get(key);
    if (hit) return sendCached(res, hit);
    res.setHeader('x-cache', 'MISS');
    this.storeWhatIsSent(key, res);
    next();
  }

  private storeWhatIsSent(key: string, res: Response): void {
    const generation = this.cache.generation;
    const preset = new Map(res.getHeaderNames().map((name) => [name, String(res.getHeader(name))]));
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      const maxAge = sharedMaxAge(String(res.getHeader('cache-control')));
      const shared = typeof body === 'string' && res.statusCode === 200 && maxAge > 0;
      const headers = shared ? responseHeaders(res, preset) : undefined;
      send(body);
      if (headers) {
        const etag = res.getHeader('etag');
        const entry: CachedResponse = { body: Buffer.from(body as string), headers, storedAt: Date.now() };
        if (typeof etag === 'string') entry.etag = etag;
        this.cache.set(key, entry, generation, maxAge * 1000);
      }
      return res;
    };
  }
}

/** The seconds shared caches may keep a `public` answer (0 for any other), as Apollo's answer says. */
function sharedMaxAge(cacheControl: string): number {
  const maxAge = /^public\b.*\bmax-age=(\d+)/.exec(cacheControl)?.[1];
  return maxAge === undefined ? 0 : Number(maxAge);
}

/**
 * The headers set or replaced since the request reached this middleware: the GraphQL response's
 * own (Vary is set by the CORS middleware before, then replaced by cache-headers.plugin.ts).
 */
function responseHeaders(res: Response, preset: Map<string, string>): CachedResponse['headers'] {
  return res
    .getHeaderNames()
    .filter((name) => preset.get(name) !== String(res.getHeader(name)) && !COMPUTED.has(name))
    .map((name) => [name, res.getHeader(name)!]);
}

function sendCached(res: Response, hit: CachedResponse): void {
  res.setHeader('x-cache', 'HIT');
  for (const [name, value] of hit.headers) res.setHeader(name, value);
  if (hit.etag) res.setHeader('etag', hit.etag);
  // Rounded up: a shared cache then keeps its copy no longer than this entry lives (max-age is
  // rounded down to the next scheduled publication, see PublicationHorizon).
  res.setHeader('age', String(Math.ceil((Date.now() - hit.storedAt) / 1000)));
  res.status(200).send(hit.body);
}
