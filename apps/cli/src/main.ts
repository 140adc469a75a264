import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { UsageError } from './usage-error.js';
import { registerExportCommand } from './commands/export.command.js';
import { registerImportCommand } from './commands/import.command.js';
import { registerMigrateCommand } from './commands/migrate.command.js';
import { registerSearchCommand } from './commands/search.command.js';
import { registerTokenCommand } from './commands/token.command.js';
import { registerWorkerCommand } from './commands/worker.command.js';

const program = new Command('pressroom')
  .description('Pressroom command line: migrations, imports, exports, API tokens and the search index')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerMigrateCommand(program);
registerTokenCommand(program);
registerImportCommand(program);
registerExportCommand(program);
registerSearchCommand(program);
registerWorkerCommand(program);

program.parseAsync(process.argv).then(
  () => exitWhenFlushed(Number(process.exitCode ?? 0)),
  (error: unknown) => {
    if (error instanceof CommanderError) return exitWhenFlushed(error.exitCode === 0 ? 0 : 2);
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      return exitWhenFlushed(2);
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitWhenFlushed(1);
  },
);

/**
 * Exits once stdout and stderr have handed everything written to the OS: process.exit drops
 * what a pipe has not taken yet, which cut `import --json | jq` at 64 KiB (issue 12). The exit
 * itself stays, as a pool or queue left open by a command must not keep the process alive.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
