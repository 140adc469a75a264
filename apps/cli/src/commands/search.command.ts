import type { Command } from 'commander';
import type { SearchReindexTotals } from '@pressroom/content';
import { UsageError } from '../usage-error.js';

const DEFAULT_PAGE_SIZE = 500;
const MAX_PAGE_SIZE = 5_000;
/** At most one progress line per this many ms (a page of a large table takes well under it). */
const PROGRESS_EVERY_MS = 1_000;

interface ReindexOptions {
  all?: boolean;
  pageSize: string;
  json?: boolean;
}

/** `search reindex`: the search vectors of rows the application did not write, or of every row. */
export function registerSearchCommand(program: Command): void {
  const search = program.command('search').description('maintain the search index');

  search
    .command('reindex')
    .description(
      'compute the search vectors of articles that have none (loaded by SQL, restored), or of every article with --all',
    )
    .option('--all', 'recompute every article (after the search definition changed)')
    .option('--page-size <n>', `articles per statement (1-${MAX_PAGE_SIZE})`, String(DEFAULT_PAGE_SIZE))
    .option('--json', 'print the final counts as one JSON object on stdout')
    .action(async (options: ReindexOptions) => {
      const pageSize = parsePageSize(options.pageSize);
      const { runSearchReindex } = await import('./search.action.js');
      const started = Date.now();
      let lastProgress = started;
      const totals = await runSearchReindex({
        all: Boolean(options.all),
        pageSize,
        onPage: (so) => {
          if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
          lastProgress = Date.now();
          process.stderr.write(`search reindex: ${counts(so)}\n`);
        },
      });
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        options.json ? `${JSON.stringify({ ...totals, seconds })}\n` : summary(totals, Boolean(options.all), seconds),
      );
    });
}

function parsePageSize(value: string): number {
  const size = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE))
    throw new UsageError(`--page-size must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return size;
}

function counts(t: SearchReindexTotals): string {
  return `${t.read} read, ${t.written} written, ${t.unchanged} already right, ${t.skipped} skipped`;
}

function summary(t: SearchReindexTotals, all: boolean, seconds: number): string {
  const scope = all ? 'articles' : 'articles without a search vector';
  const lines = [
    `search reindex: ${t.read} ${scope}: ${t.written} written, ${t.unchanged} already right, ${t.skipped} skipped (${seconds.toFixed(1)} s)`,
  ];
  // An edit or an import batch wrote those rows while they were being read: their writer set
  // their vectors from the newer text. A row changed by plain SQL may still lack one: run again.
  if (t.skipped) lines.push(`  ${t.skipped} changed or were being written meanwhile: run again to check them`);
  return `${lines.join('\n')}\n`;
}
