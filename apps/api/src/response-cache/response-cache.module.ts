import { Module } from '@nestjs/common';
import { ArticlesModule } from '@pressroom/content';
import { ContentChangesModule } from '@pressroom/database';
import { PublicationHorizon } from './publication-horizon.service.js';
import { ResponseCacheHooks } from './response-cache-hooks.js';
import { ResponseCache } from './response-cache.service.js';

/** The in-process cache of anonymous GraphQL answers, in front of Apollo (see ResponseCache). */
@Module({
  imports: [ContentChangesModule, ArticlesModule],
  providers: [ResponseCache, PublicationHorizon, ResponseCacheHooks],
  exports: [ResponseCache, PublicationHorizon, ResponseCacheHooks],
})
export class ResponseCacheModule {}
