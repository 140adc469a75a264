import { ImporterModule, ImportJobsService, ImportService, type ImportReport } from '@pressroom/importer';
import { withCliContext } from '../cli-context.js';

export interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  status: 'PUBLISHED' | 'DRAFT';
}

/** Imports `paths` inline as one job, with a progress bar on a terminal; returns its report. */
export function runImport(paths: string[], options: ImportOptions): Promise<ImportReport> {
  return withCliContext([ImporterModule], async (context) => {
    const imports = context.get(ImportService);
    const job = await imports.createJob({
      source: 'cli',
      sourcePath: paths.join('\n'),
      dryRun: Boolean(options.dryRun),
      defaultStatus: options.status,
      createdBy: 'cli',
    });
    // Loaded only for a terminal: a scripted import (--json, a pipe) does not pay for it.
    const bar =
      !options.json && process.stderr.isTTY
        ? new (await import('cli-progress')).SingleBar({
            stream: process.stderr,
            format: 'importing [{bar}] {value}/{total} files {eta_formatted}',
          })
        : null;
    await imports.importPaths(job, paths, (done, total) => {
      if (!bar) return;
      if (!bar.isActive) bar.start(total, done);
      bar.update(done);
    });
    bar?.stop();
    return context.get(ImportJobsService).report(job.id);
  });
}
