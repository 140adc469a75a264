import type { Command } from 'commander';
import { validateEnv } from '@pressroom/common';
import { openDatabase } from '../cli-context.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (DATABASE_URL, else the embedded database)')
    .action(async () => {
      const env = validateEnv(process.env);
      const database = await openDatabase(env);
      await database.stop();
      process.stdout.write(
        database.applied.length ? `applied ${database.applied.join(', ')}\n` : 'database is up to date\n',
      );
    });
}
