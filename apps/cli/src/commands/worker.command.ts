import { Logger } from '@nestjs/common';
import type { Command } from 'commander';
import { installProcessSafety } from '@pressroom/database';
import { ImportService } from '@pressroom/importer';
import { withCliContext } from '../cli-context.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run import jobs and webhook deliveries until stopped (SIGTERM/SIGINT), without the API')
    .action(async () => {
      installProcessSafety();
      process.env.IMPORT_WORKER = 'false'; // started explicitly below, after the context is ready
      process.env.WEBHOOK_WORKER ??= 'true'; // scheduled publications and webhook deliveries too
      await withCliContext(
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
    });
}
