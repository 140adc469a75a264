import type { Command } from 'commander';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run import jobs and webhook deliveries until stopped (SIGTERM/SIGINT), without the API')
    .action(async () => {
      const { runWorker } = await import('./worker.action.js');
      await runWorker();
    });
}
