import { existsSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { ImportJobsService, ImportService, type ImportReport } from '@pressroom/importer';
import { UsageError, withCliContext } from '../cli-context.js';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  status: string;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import front-matter posts from folders, files or archives (.zip, .tar, .tar.gz)')
    .argument('<paths...>', 'folders, post files or archives')
    .option('--dry-run', 'parse and check everything, write nothing')
    .option('--json', 'print one JSON summary on stdout')
    .option('--status <status>', 'status of posts that do not say (PUBLISHED or DRAFT)', 'PUBLISHED')
    .action(async (paths: string[], options: ImportOptions) => {
      const missing = paths.filter((p) => !existsSync(p));
      if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
      if (!['PUBLISHED', 'DRAFT'].includes(options.status)) throw new UsageError('--status must be PUBLISHED or DRAFT');
      const report = await withCliContext(async (context) => {
        const imports = context.get(ImportService);
        const job = await imports.createJob({
          source: 'cli',
          sourcePath: paths.join('\n'),
          dryRun: Boolean(options.dryRun),
          defaultStatus: options.status as 'PUBLISHED' | 'DRAFT',
          createdBy: 'cli',
        });
        const bar =
          !options.json && process.stderr.isTTY
            ? new SingleBar({
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
      await writeOut(options.json ? `${JSON.stringify(toJsonSummary(report))}\n` : humanSummary(report));
      process.exitCode = report.counts.failed > 0 || report.status === 'failed' ? 1 : 0;
    });
}

/** The `--json` contract: counts, then errors and warnings as { path, line, message }. */
function toJsonSummary(report: ImportReport) {
  return {
    ...report.counts,
    dryRun: report.dryRun,
    status: report.status,
    jobId: report.id,
    error: report.error,
    errors: report.errors,
    moreErrors: report.moreErrors,
    warnings: report.warnings,
    moreWarnings: report.moreWarnings,
  };
}

/** Resolves when stdout has taken the whole text (a slow pipe reader takes it in pieces). */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

function humanSummary(report: ImportReport): string {
  const c = report.counts;
  const lines = [
    `${report.dryRun ? 'dry run: ' : ''}${c.total} files: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped, ${c.failed} failed`,
    ...(report.error ? [`import refused: ${report.error}`] : []),
    ...report.errors.map((e) => `  error   ${e.path}${e.line ? `:${e.line}` : ''}  ${e.message}`),
    ...(report.moreErrors ? [`  ... and ${report.moreErrors} more failed files (GraphQL importJob.items)`] : []),
    ...report.warnings.slice(0, 50).map((w) => `  warning ${w.path}${w.line ? `:${w.line}` : ''}  ${w.message}`),
    ...(report.warnings.length + report.moreWarnings > 50
      ? [`  ... and ${report.warnings.length + report.moreWarnings - 50} more warnings (use --json)`]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
