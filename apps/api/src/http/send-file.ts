import send from '@fastify/send';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SendFileOptions {
  /** Served for a folder's address (`/console/`); none: a folder is not found. */
  index?: string;
  /** Cache-Control max-age, in seconds. */
  maxAgeSeconds?: number;
  headers?: Record<string, string>;
}

/**
 * Answers with `file` (a path under `root`, as the URL gave it) with its type, length, ETag and
 * Last-Modified, and 304 or ranges as the request asks. A file that is not there, a dotfile or
 * a path leaving `root` is a 404 (Nest's, as for any unknown address); a folder's address
 * without its slash is sent to the one with it.
 */
export async function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  root: string,
  file: string,
  options: SendFileOptions = {},
): Promise<FastifyReply> {
  const result = await send(request.raw, `/${file}`, {
    root,
    index: options.index ?? false,
    dotfiles: 'ignore',
    maxAge: (options.maxAgeSeconds ?? 0) * 1000,
  });
  if (result.type === 'directory') return reply.redirect(`${request.url.split('?')[0]}/`, 301);
  if (result.type === 'error') {
    reply.callNotFound();
    return reply;
  }
  reply.code(result.statusCode).headers({ ...result.headers, ...options.headers });
  return reply.send(result.stream);
}
