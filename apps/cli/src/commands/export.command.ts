import path from 'node:path';
import type { Command } from 'commander';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write every article as a front-matter file under <dir> (Jekyll layout)')
    .argument('<dir>', 'folder to write into (created when missing)')
    .action(async (dir: string) => {
      const root = path.resolve(dir);
      const { runExport } = await import('./export.action.js');
      const count = await runExport(root);
      process.stdout.write(`exported ${count} articles to ${root}\n`);
    });
}
