/** The counters every import reports (CLI --json, admin endpoint, GraphQL). */
export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  skipped: number;
}

export type ItemOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED' | 'SKIPPED';

/** One file's result, as recorded in ImportItem. */
export interface ItemRecord {
  path: string;
  outcome: ItemOutcome;
  articleId: string | null;
  line: number | null;
  message: string | null;
  warnings: { line: number | null; message: string }[];
}

/** Final status from the counts: failures alone fail the job, failures among successes are partial. */
export function finalStatus(counts: Omit<ImportCounts, 'total'>): 'SUCCEEDED' | 'PARTIAL' | 'FAILED' {
  if (!counts.failed) return 'SUCCEEDED';
  return counts.created + counts.updated + counts.unchanged + counts.skipped > 0 ? 'PARTIAL' : 'FAILED';
}
