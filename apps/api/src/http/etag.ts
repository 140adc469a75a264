import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const CONDITIONAL_METHODS = new Set(['GET', 'HEAD']);

/**
 * A weak ETag on every GET or HEAD answer of a string or buffer body, and 304 with an empty body
 * when the client's If-None-Match names it. Only those methods: a 304 is the answer to a
 * conditional GET or HEAD alone (RFC 9110, 13.1.2), and no cache keeps a POST's answer, so
 * hashing the body of every GraphQL POST (about 4% of the API's CPU for a read of one article
 * with its body) served nothing; @fastify/etag hashes every method's answers and has no setting
 * to leave some out. The hash is over the body before compression, so the same answer has the
 * same ETag whatever the encoding, stored in the response cache or not.
 */
export function addEtags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!CONDITIONAL_METHODS.has(request.method) || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      done(null, payload);
      return;
    }
    let etag = reply.getHeader('etag');
    if (typeof etag !== 'string') {
      etag = `W/"${createHash('sha1').update(payload).digest('base64')}"`;
      reply.header('etag', etag);
    }
    if (matches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      done(null, '');
      return;
    }
    done(null, payload);
  });
}

/** If-None-Match: `*`, or a comma-separated list compared weakly (W/ prefixes ignored). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === wanted);
}
