import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExportService, ImporterModule } from '@pressroom/importer';
import { withCliContext } from '../cli-context.js';

/** Writes every article under `root`; returns how many. */
export function runExport(root: string): Promise<number> {
  return withCliContext([ImporterModule], async (context) => {
    let written = 0;
    for await (const file of context.get(ExportService).files()) {
      const target = path.join(root, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
      written++;
    }
    return written;
  });
}
