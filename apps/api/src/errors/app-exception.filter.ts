import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { HTTP_STATUS, RETRY_AFTER_SECONDS } from '@pressroom/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refusalOf, type RefusedBody } from '../body-limits.js';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';
import { toAppError, toPublicError } from './to-app-error.js';

/**
 * The one place errors leave the app: known errors keep their code, anything else is logged
 * and answered as INTERNAL_SERVER_ERROR without a stack. A database that cannot be reached is
 * SERVICE_UNAVAILABLE (503) without its error text, host or port; the log keeps those.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() !== 'graphql') {
      // Its request log line already says `aborted`; its ECONNRESET is not the database's.
      if (isClientAbort(exception)) return host.switchToHttp().getResponse<FastifyReply>().code(400).send();
      const refused = refusalOf(exception);
      if (refused) return answerRefused(refused, host);
    }
    const known = toAppError(exception);
    const error = toPublicError(exception, 'request');
    if (host.getType<GqlContextType>() === 'graphql') return error;
    const response = host.switchToHttp().getResponse<FastifyReply>();
    const status = exception instanceof HttpException ? exception.getStatus() : HTTP_STATUS[error.code];
    const code = exception instanceof HttpException && !known ? httpCode(exception) : error.code;
    const { http: _http, ...extensions } = error.extensions; // Apollo's transport hints, not body
    if (code === 'SERVICE_UNAVAILABLE') response.header('retry-after', String(RETRY_AFTER_SECONDS));
    return response.code(status).send({ ...extensions, code, message: error.message, statusCode: status });
  }
}

/**
 * Node's error for a request whose client closed the connection while its body was being read
 * (a JSON body, an upload): code ECONNRESET like a lost database connection, message "aborted".
 */
function isClientAbort(exception: unknown): boolean {
  const { code, message } = (exception ?? {}) as { code?: unknown; message?: unknown };
  return code === 'ECONNRESET' && message === 'aborted';
}

function httpCode(exception: HttpException): string {
  const body = exception.getResponse();
  return typeof body === 'object' && body && 'code' in body
    ? String(body.code)
    : exception.name.replace(/Exception$/, '').toUpperCase();
}

/** GraphQL clients look for `errors`; every other caller gets the flat answer above. */
function answerRefused(refused: RefusedBody, host: ArgumentsHost) {
  const http = host.switchToHttp();
  const { message, extensions, statusCode } = refused;
  const reply = http.getResponse<FastifyReply>().code(statusCode);
  if (http.getRequest<FastifyRequest>().url.split('?')[0] === GRAPHQL_PATH)
    return reply.send({ errors: [{ message, extensions }] });
  return reply.send({ ...extensions, message, statusCode });
}
