import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GRAPHQL_PATH } from './graphql/graphql-path.js';

/**
 * Largest JSON body, in bytes. Anonymous readers only send queries (at most 2,000 tokens) and
 * small variables; editors send whole articles, as large as an importable file (5 MB of text,
 * up to 3 bytes a character). A caller is "authenticated" here when it sends an Authorization
 * header: the token is checked later, in the GraphQL context, which refuses a bad one before
 * the query is parsed, so a forged header buys one JSON.parse of at most 16 MB.
 */
export const BODY_LIMITS = { anonymousBytes: 1024 * 1024, authenticatedBytes: 16 * 1024 * 1024 } as const;

/** A body refused before any handler ran: answered by `answerRefusedBody`, with a code. */
export class RefusedBody extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * JSON bodies (`application/json`, `*+json`) read up to the caller's limit, which is checked
 * against Content-Length before a byte is read and against the bytes as they arrive, so an
 * anonymous caller never makes the server hold more than 1 MB. Any other content type reaches
 * its handler unread: Apollo refuses what is not JSON (its CSRF check among others), and
 * multipart uploads are read by the imports controller.
 */
export function parseJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    /^application\/([\w.-]+\+)?json\b/i,
    { bodyLimit: BODY_LIMITS.authenticatedBytes },
    (request, payload, done) => {
      const limit = request.headers.authorization ? BODY_LIMITS.authenticatedBytes : BODY_LIMITS.anonymousBytes;
      readLimited(payload, limit, Number(request.headers['content-length'])).then(
        (text) => done(null, parseJson(text)),
        (error: Error) => done(error, undefined),
      );
    },
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

function readLimited(payload: NodeJS.ReadableStream, limit: number, declared: number): Promise<string> {
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        payload.removeAllListeners('data');
        payload.resume(); // the rest is drained, not kept
        reject(tooLarge(limit));
      } else chunks.push(chunk);
    });
    payload.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    payload.once('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RefusedBody(400, 'Request body is not valid JSON', { code: 'BAD_USER_INPUT' });
  }
}

function tooLarge(limit: number): RefusedBody {
  const anonymous = limit === BODY_LIMITS.anonymousBytes ? ' (the limit without an API token)' : '';
  return new RefusedBody(413, `Request body is larger than ${limit} bytes${anonymous}`, {
    code: 'BAD_USER_INPUT',
    limit: 'maxBodyBytes',
    maxBodyBytes: limit,
  });
}

/**
 * What a request refused before Nest (an unreadable body, a malformed URL; a 500 is logged by
 * the caller) gets: JSON with a
 * code, `errors` for GraphQL clients, flat as the exception filter answers for the rest. Nothing
 * else reaches here: Nest's own filter answers every error a handler throws.
 */
export function answerRefusedBody(error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  const refused = error instanceof RefusedBody;
  const message = refused || status < 500 ? error.message : 'Internal server error';
  const extensions = refused
    ? error.extensions
    : { code: status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR' };
  reply.code(status);
  if (request.url.split('?')[0] === GRAPHQL_PATH) return reply.send({ errors: [{ message, extensions }] });
  return reply.send({ ...extensions, message, statusCode: status });
}
