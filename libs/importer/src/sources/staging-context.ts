import type { ImportLimits } from '../limits.js';
import type { ArchiveBudget } from './archive-budget.js';
import type { StagedPaths } from './staged-paths.js';

/** What every source of one request shares while it is staged: its limits and what it wrote. */
export interface StagingContext {
  limits: ImportLimits;
  budget: ArchiveBudget;
  paths: StagedPaths;
  /** The request's staging folder; archives may extract into a folder of their own under it. */
  root: string;
}
