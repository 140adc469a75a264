import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { AppError } from '@pressroom/common';
import type { Response } from 'express';
import { toAppError } from './to-app-error.js';

const HTTP_STATUS: Record<AppError['code'], number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * The one place errors leave the app: known errors keep their code, anything else is logged
 * and answered as INTERNAL_SERVER_ERROR without a stack.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const known = toAppError(exception);
    if (!known)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const error = known ?? new AppError('Internal server error', 'INTERNAL_SERVER_ERROR');
    if (host.getType<GqlContextType>() === 'graphql') return error;
    const response = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : HTTP_STATUS[error.code];
    const code = exception instanceof HttpException && !known ? httpCode(exception) : error.code;
    response.status(status).json({ ...error.extensions, code, message: error.message, statusCode: status });
  }
}

function httpCode(exception: HttpException): string {
  const body = exception.getResponse();
  return typeof body === 'object' && body && 'code' in body
    ? String(body.code)
    : exception.name.replace(/Exception$/, '').toUpperCase();
}
