import type { FastifyCorsOptions } from '@fastify/cors';

/** What a browser page may send: JSON bodies and Apollo's CSRF-prevention headers (see README). */
export const CORS_METHODS = ['GET', 'POST', 'OPTIONS'];
const SAFE_HEADERS = ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'];
/** Response headers a page may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = ['retry-after', 'x-request-id'];
/** Seconds a browser may reuse a preflight answer (Chromium caps this at 7200). */
const PREFLIGHT_MAX_AGE = 600;

/**
 * CORS from CORS_ORIGINS. Listed origins get their own origin back (with `Vary: Origin`) and may
 * send `Authorization`; `*` opens anonymous reads to every origin: `Access-Control-Allow-Origin: *`
 * and no `Authorization` header allowed, so no page can use a token it got from elsewhere. No
 * answer carries `Access-Control-Allow-Credentials`: tokens travel in a header, never in cookies.
 * An empty list (the default) answers preflights without any Access-Control-Allow-Origin.
 */
export function corsOptions(origins: string[]): FastifyCorsOptions {
  const shared = {
    methods: CORS_METHODS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE,
    credentials: false,
  };
  if (corsIsWildcard(origins)) return { ...shared, origin: '*', allowedHeaders: SAFE_HEADERS };
  return { ...shared, origin: origins, allowedHeaders: [...SAFE_HEADERS, 'authorization'] };
}

/** Whether every origin gets `*` (then responses do not vary by Origin). */
export function corsIsWildcard(origins: string[]): boolean {
  return origins.length === 1 && origins[0] === '*';
}
