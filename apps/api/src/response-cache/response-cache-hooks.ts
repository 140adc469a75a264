import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';
import { responseCacheKey } from './response-cache-key.js';
import { ResponseCache, type CachedResponse } from './response-cache.service.js';

// Computed from the body when it is sent (the ETag by configure-http.ts's plugin), hit or not.
const COMPUTED = new Set(['content-length', 'etag']);

type CachingRequest = FastifyRequest & {
  cacheEntry?: { key: string; generation: number; preset: Map<string, string> };
};

/**
 * In front of Apollo at /graphql: answers a cacheable anonymous read from ResponseCache, and
 * stores what Apollo answers when the response says shared caches may keep it (`public`, set by
 * cache-headers.plugin.ts for anonymous queries without errors), for its max-age. A hit is sent
 * with the stored headers, and gets its ETag, 304 and compression as the original did, so
 * Cache-Control, Vary, ETag and 304 answers are those of the original; `Age` says how long ago
 * it was stored, so a CDN keeps it only for the rest of its max-age. `X-Cache` is HIT or MISS for
 * every request looked up.
 */
@Injectable()
export class ResponseCacheHooks {
  constructor(private readonly cache: ResponseCache) {}

  /** Added before the ETag and compression plugins, so a body is stored as Apollo wrote it. */
  register(fastify: FastifyInstance): void {
    // After the body is parsed (the key is made of it), before Apollo's handler.
    fastify.addHook('preHandler', (request: CachingRequest, reply, done) => {
      if (request.routeOptions.url !== GRAPHQL_PATH || !this.cache.enabled) return done();
      const key = responseCacheKey({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.body,
      });
      if (key === null) return done();
      const hit = this.cache.get(key);
      if (hit) return void sendCached(reply, hit);
      reply.header('x-cache', 'MISS');
      request.cacheEntry = { key, generation: this.cache.generation, preset: headersOf(reply) };
      done();
    });
    fastify.addHook('onSend', (request: CachingRequest, reply, payload, done) => {
      const entry = request.cacheEntry;
      if (entry) this.store(entry, reply, payload);
      done(null, payload);
    });
  }

  private store(entry: NonNullable<CachingRequest['cacheEntry']>, reply: FastifyReply, body: unknown): void {
    const maxAge = sharedMaxAge(String(reply.getHeader('cache-control')));
    if (typeof body !== 'string' || reply.statusCode !== 200 || maxAge <= 0) return;
    const headers = responseHeaders(reply, entry.preset);
    const stored: CachedResponse = { body: Buffer.from(body), headers, storedAt: Date.now() };
    this.cache.set(entry.key, stored, entry.generation, maxAge * 1000);
  }
}

/** The seconds shared caches may keep a `public` answer (0 for any other), as Apollo's answer says. */
function sharedMaxAge(cacheControl: string): number {
  const maxAge = /^public\b.*\bmax-age=(\d+)/.exec(cacheControl)?.[1];
  return maxAge === undefined ? 0 : Number(maxAge);
}

function headersOf(reply: FastifyReply): Map<string, string> {
  return new Map(Object.entries(reply.getHeaders()).map(([name, value]) => [name, String(value)]));
}

/**
 * The headers set or replaced since the request was looked up: the GraphQL response's own
 * (Vary is set by CORS before, then replaced by cache-headers.plugin.ts).
 */
function responseHeaders(reply: FastifyReply, preset: Map<string, string>): CachedResponse['headers'] {
  return Object.entries(reply.getHeaders())
    .filter(([name, value]) => value !== undefined && preset.get(name) !== String(value) && !COMPUTED.has(name))
    .map(([name, value]) => [name, value as string | number | string[]]);
}

function sendCached(reply: FastifyReply, hit: CachedResponse): FastifyReply {
  reply.header('x-cache', 'HIT');
  for (const [name, value] of hit.headers) reply.header(name, value);
  // Rounded up: a shared cache then keeps its copy no longer than this entry lives (max-age is
  // rounded down to the next scheduled publication, see PublicationHorizon).
  reply.header('age', String(Math.ceil((Date.now() - hit.storedAt) / 1000)));
  return reply.code(200).send(hit.body);
}
