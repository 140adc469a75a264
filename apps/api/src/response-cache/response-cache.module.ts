import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { ArticlesModule } from '@pressroom/content';
import { ContentChangesModule } from '@pressroom/database';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';
import { PublicationHorizon } from './publication-horizon.service.js';
import { ResponseCacheMiddleware } from './response-cache.middleware.js';
import { ResponseCache } from './response-cache.service.js';

/** The in-process cache of anonymous GraphQL answers, in front of Apollo (see ResponseCache). */
@Module({
  imports: [ContentChangesModule, ArticlesModule],
  providers: [ResponseCache, PublicationHorizon],
  exports: [ResponseCache, PublicationHorizon],
})
export class ResponseCacheModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ResponseCacheMiddleware).forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.ALL });
  }
}
