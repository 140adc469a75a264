import type { INestApplication } from '@nestjs/common';
import { ImportJobsService, ImportService, type ImportReport } from '@pressroom/importer';

export interface ImportOptions {
  dryRun?: boolean;
  defaultStatus?: 'DRAFT' | 'PUBLISHED';
}

/** Imports paths inline, exactly as `npm run cms -- import` does, and returns the report. */
export async function importPaths(
  app: INestApplication,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const imports = app.get(ImportService);
  const job = await imports.createJob({ source: 'cli', sourcePath: paths.join('\n'), createdBy: 'test', ...options });
  await imports.importPaths(job, paths);
  return app.get(ImportJobsService).report(job.id);
}
