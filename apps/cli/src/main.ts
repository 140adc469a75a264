import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { UsageError } from './cli-context.js';
import { registerExportCommand } from './commands/export.command.js';
import { registerImportCommand } from './commands/import.command.js';
import { registerMigrateCommand } from './commands/migrate.command.js';
import { registerTokenCommand } from './commands/token.command.js';
import { registerWorkerCommand } from './commands/worker.command.js';

const program = new Command('pressroom')
  .description('Pressroom command line: migrations, imports, exports and API tokens')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerMigrateCommand(program);
registerTokenCommand(program);
registerImportCommand(program);
registerExportCommand(program);
registerWorkerCommand(program);

program.parseAsync(process.argv).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
