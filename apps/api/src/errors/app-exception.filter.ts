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
    if (!known) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const error = known ?? new AppError('Internal server error', 'INTERNAL_SERVER_ERROR');
    if (host.getType<GqlContextType>() === 'graphql') return error;
    const response = host.switchToHttp().getResponse<Response>();
    if (!known && exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    response.status(HTTP_STATUS[error.code]).json({ code: error.code, message: error.message, ...error.extensions, statusCode: HTTP_STATUS[error.code] });
  }
}
