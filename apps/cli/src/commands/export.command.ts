import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ExportService } from '@pressroom/importer';
import { withCliContext } from '../cli-context.js';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write every article as a front-matter file under <dir> (Jekyll layout)')
    .argument('<dir>', 'folder to write into (created when missing)')
    .action(async (dir: string) => {
      const root = path.resolve(dir);
      const count = await withCliContext(async (context) => {
        let written = 0;
        for await (const file of context.get(ExportService).files()) {
          const target = path.join(root, file.path);
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, file.content);
          written++;
        }
        return written;
      });
      process.stdout.write(`exported ${count} articles to ${root}\n`);
    });
}
