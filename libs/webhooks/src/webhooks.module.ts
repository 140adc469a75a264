import { Module } from '@nestjs/common';
import { ArticleChangesRepository } from './changes/article-changes.repository.js';
import { ChangesResolver } from './changes/changes.resolver.js';
import { ChangesService } from './changes/changes.service.js';
import { ScheduledPublications } from './changes/scheduled-publications.service.js';
import { BackgroundWorker } from './background-worker.service.js';

/** The changes feed, draft previews and webhooks (issue 16). */
@Module({
  providers: [ArticleChangesRepository, ChangesService, ChangesResolver, ScheduledPublications, BackgroundWorker],
})
export class WebhooksModule {}
