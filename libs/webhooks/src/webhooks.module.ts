import { Module } from '@nestjs/common';
import { AuthModule } from '@pressroom/auth';
import { ArticlesModule } from '@pressroom/content';
import { ArticleChangesRepository } from './changes/article-changes.repository.js';
import { ChangesResolver } from './changes/changes.resolver.js';
import { ChangesService } from './changes/changes.service.js';
import { ScheduledPublications } from './changes/scheduled-publications.service.js';
import { BackgroundWorker } from './background-worker.service.js';
import { DeliveriesRepository } from './delivery/deliveries.repository.js';
import { WebhookDispatcher } from './delivery/webhook-dispatcher.service.js';
import { WebhookSender } from './delivery/webhook-sender.service.js';
import { PreviewsResolver } from './previews/previews.resolver.js';
import { WebhooksResolver } from './webhooks/webhooks.resolver.js';
import { WebhooksService } from './webhooks/webhooks.service.js';

/** The changes feed, draft previews and webhooks (issue 16). */
@Module({
  imports: [AuthModule, ArticlesModule],
  providers: [
    PreviewsResolver,
    ArticleChangesRepository,
    ChangesService,
    ChangesResolver,
    ScheduledPublications,
    BackgroundWorker,
    DeliveriesRepository,
    WebhookDispatcher,
    WebhookSender,
    WebhooksService,
    WebhooksResolver,
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
