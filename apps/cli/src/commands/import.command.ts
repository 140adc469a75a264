import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportReport } from '@pressroom/importer';
import { UsageError } from '../usage-error.js';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import front-matter posts from folders, files or archives (.zip, .tar, .tar.gz)')
    .argument('<paths...>', 'folders, post files or archives')
    .option('--dry-run', 'parse and check everything, write nothing')
    .option('--json', 'print one JSON summary on stdout')
    .option('--status <status>', 'status of posts that do not say (PUBLISHED or DRAFT)', 'PUBLISHED')
    .action(async (paths: string[], options: { dryRun?: boolean; json?: boolean; status: string }) => {
      const missing = paths.filter((p) => !existsSync(p));
      if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
      const status = options.status;
      if (!isStatus(status)) throw new UsageError('--status must be PUBLISHED or DRAFT');
      // Loaded here, not at start-up: only this command pays for the importer's modules.
      const { runImport } = await import('./import.action.js');
      const report = await runImport(paths, { ...options, status });
      await writeOut(options.json ? `${JSON.stringify(toJsonSummary(report))}\n` : humanSummary(report));
      process.exitCode = report.counts.failed > 0 || report.status === 'failed' ? 1 : 0;
    });
}

function isStatus(status: string): status is 'PUBLISHED' | 'DRAFT' {
  return status === 'PUBLISHED' || status === 'DRAFT';
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
