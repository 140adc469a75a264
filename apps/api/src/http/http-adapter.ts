import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { TrustProxy } from '@pressroom/common';
import { BODY_LIMITS } from '../body-limits.js';

/**
 * The HTTP server under Nest: Fastify, whose routing, hooks and replies cost a read about half
 * of what Express and its middleware did (docs/decisions.md). TRUST_PROXY says which proxies to
 * believe about the client's address (`request.ip`); it is fixed when the server is made.
 */
export function createHttpAdapter(trustProxy: TrustProxy): FastifyAdapter {
  return new FastifyAdapter({
    // A hop count is taken at run time, though Fastify's types omit it.
    trustProxy: (Array.isArray(trustProxy) ? trustProxy.join(',') : trustProxy) as boolean | string,
    // Read only by Fastify's own body parsers, which parseJsonBodies() removes (it reads each
    // caller's limit itself): the ceiling for any parser added later.
    bodyLimit: BODY_LIMITS.authenticatedBytes,
    // The request log sets and echoes X-Request-Id itself.
    requestIdHeader: false,
  });
}
