import { type CanActivate, type ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, HTTP_STATUS, ServiceUnavailableError, type Viewer } from '@pressroom/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTokensService } from './api-tokens.service.js';
import { TooManyFailuresError } from './auth-errors.js';
import { assertRole, ROLES_KEY, type RoleName } from './roles.js';

/**
 * Enforces `@Roles(...)`. For GraphQL the viewer is already in the context; for REST it is read
 * from the Authorization header here, and failures become 401/403/429 with a code.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<RoleName | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (context.getType<string>() === 'graphql') {
      if (required) assertRole(GqlExecutionContext.create(context).getContext<{ viewer: Viewer }>().viewer, required);
      return true;
    }
    if (!required) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { viewer?: Viewer }>();
    try {
      request.viewer = await this.tokens.viewerFor(request.headers.authorization, request.ip);
      assertRole(request.viewer, required);
    } catch (error) {
      // The exception filter answers an unavailable database (503 with Retry-After).
      if (!(error instanceof AppError) || error instanceof ServiceUnavailableError) throw error;
      if (error instanceof TooManyFailuresError) {
        context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(error.retryAfterSeconds));
      }
      throw new HttpException({ code: error.code, message: error.message }, HTTP_STATUS[error.code]);
    }
    return true;
  }
}
