import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { sendFile } from '../http/send-file.js';

/** Where the browser console is served; same origin as /graphql and /admin, so no CORS. */
export const CONSOLE_PATH = '/console';

// apps/api/{src,dist}/console/ -> apps/console/: the page and styles, and the compiled scripts.
const CONSOLE_DIR = new URL('../../../console/', import.meta.url);
const PUBLIC_DIR = fileURLToPath(new URL('public/', CONSOLE_DIR));
const SCRIPTS_DIR = fileURLToPath(new URL('dist/', CONSOLE_DIR));

/**
 * Strict for the console's own files: its scripts and styles come from this origin only (no
 * inline script, no CDN), it talks to this origin only, and no other site may frame it.
 */
const CONSOLE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * Serves the console (apps/console) at /console: index.html and styles from public/, the
 * compiled ES modules from dist/ under /console/js. Read-only files; every request the page
 * then makes goes through the public API and its guards like any other client's.
 */
export function serveConsole(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const options = { headers: CONSOLE_HEADERS, maxAgeSeconds: 0 };
  // The page's relative links need the folder's address with its slash.
  fastify.get(CONSOLE_PATH, (_request, reply) => reply.redirect(`${CONSOLE_PATH}/`, 301));
  fastify.get(`${CONSOLE_PATH}/js/*`, (request, reply) =>
    sendFile(request, reply, SCRIPTS_DIR, wildcard(request), options),
  );
  fastify.get(`${CONSOLE_PATH}/*`, (request, reply) =>
    sendFile(request, reply, PUBLIC_DIR, wildcard(request), { ...options, index: 'index.html' }),
  );
}

function wildcard(request: FastifyRequest): string {
  return (request.params as { '*': string })['*'];
}
