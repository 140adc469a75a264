import type { FastifyInstance } from 'fastify';

/**
 * Largest JSON body, in bytes. Anonymous readers only send queries (at most 2,000 tokens) and
 * small variables; editors send whole articles, as large as an importable file (5 MB of text,
 * up to 3 bytes a character). A caller is "authenticated" here when it sends an Authorization
 * header: the token is checked later, in the GraphQL context, which refuses a bad one before
 * the query is parsed, so a forged header buys one JSON.parse of at most 16 MB.
 */
export const BODY_LIMITS = { anonymousBytes: 1024 * 1024, authenticatedBytes: 16 * 1024 * 1024 } as const;

/** A body refused before any handler ran; the exception filter answers it (see refusalOf). */
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
 * anonymous caller never makes the server hold more than 1 MB. UTF-8 only, as JSON is sent.
 * Any other content type reaches its handler unread: Apollo refuses what is not JSON (its CSRF
 * check among others), and multipart uploads are read by the imports controller.
 */
export function parseJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(/^application\/([\w.-]+\+)?json\b/i, (request, payload, done) => {
    const charset = /;\s*charset=("?)([^";]+)\1/i.exec(request.headers['content-type'] ?? '')?.[2];
    if (charset && !/^utf-?8$/i.test(charset)) {
      const message = `Request body charset ${charset} is not supported; send UTF-8`;
      return done(new RefusedBody(415, message, { code: 'BAD_USER_INPUT' }), undefined);
    }
    const limit = request.headers.authorization ? BODY_LIMITS.authenticatedBytes : BODY_LIMITS.anonymousBytes;
    readLimited(payload, limit, Number(request.headers['content-length']))
      .then(parseJson)
      .then(
        (body) => done(null, body),
        (error: Error) => done(error, undefined),
      );
  });
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

function readLimited(payload: NodeJS.ReadableStream, limit: number, declared: number): Promise<string> {
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      payload.off('data', keep);
      payload.resume(); // the rest is drained, not kept
      chunks.length = 0;
      reject(tooLarge(limit));
    };
    payload.on('data', keep);
    payload.once('end', () => size <= limit && resolve(Buffer.concat(chunks, size).toString('utf8')));
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
 * A request refused before its handler ran, as the exception filter answers it: our own body
 * refusals, and Fastify's own client errors (a malformed URL, for one),
 * which say their status. null for anything else.
 */
export function refusalOf(exception: unknown): RefusedBody | null {
  if (exception instanceof RefusedBody) return exception;
  const { statusCode, code, message } = (exception ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
  };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number') return null;
  if (statusCode < 400 || statusCode >= 500) return null;
  return new RefusedBody(statusCode, String(message), { code: 'BAD_USER_INPUT' });
}
