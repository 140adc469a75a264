import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';
import { ResponseCacheMiddleware } from './response-cache.middleware.js';
import { ResponseCache } from './response-cache.service.js';

/** The in-process cache of anonymous GraphQL answers, in front of Apollo (see ResponseCache). */
@Module({ providers: [ResponseCache], exports: [ResponseCache] })
export class ResponseCacheModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ResponseCacheMiddleware).forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.ALL });
  }
}
