import { Logger } from '@nestjs/common';
import { AuthModule } from '@pressroom/auth';
import { ContentModule } from '@pressroom/content';
import { installProcessSafety } from '@pressroom/database';
import { ImporterModule, ImportService } from '@pressroom/importer';
import { WebhooksModule } from '@pressroom/webhooks';
import { withCliContext } from '../cli-context.js';

/** Runs import jobs, scheduled publications and webhook deliveries until SIGTERM or SIGINT. */
export async function runWorker(): Promise<void> {
  installProcessSafety();
  process.env.IMPORT_WORKER = 'false'; // started explicitly below, after the context is ready
  process.env.WEBHOOK_WORKER ??= 'true'; // scheduled publications and webhook deliveries too
  // The whole service graph, as the API's (webhooks read articles): a long-running process
  // need not save on start-up.
  await withCliContext(
    [AuthModule, ContentModule, ImporterModule, WebhooksModule],
    async (context) => {
      await context.get(ImportService).startWorker();
      new Logger('Worker').log('import worker started');
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
    },
    { log: true },
  );
}
