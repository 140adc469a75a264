import type { PostStatus } from '../types.js';
import { asFlag, type FrontMatter } from './header-values.js';
import type { SourcePath } from './source-path.js';

/**
 * `published: false` or `draft: true` make a draft; `published: true` or `draft: false`
 * publish even from a `_drafts/` folder (export puts undated posts there); otherwise a
 * `_drafts/` folder means draft and anything else gets the configured default.
 * A published post whose Hugo `expiryDate` has passed is ARCHIVED: Hugo no longer builds it,
 * and editors keep it.
 */
export function statusOf(
  fm: FrontMatter,
  source: SourcePath,
  defaultStatus: PostStatus,
  expiresAt: Date | null,
  now: Date,
): PostStatus | 'ARCHIVED' {
  const status = flagStatusOf(fm, source, defaultStatus);
  return status === 'PUBLISHED' && expiresAt !== null && expiresAt <= now ? 'ARCHIVED' : status;
}

function flagStatusOf(fm: FrontMatter, source: SourcePath, defaultStatus: PostStatus): PostStatus {
  const published = asFlag(fm['published']);
  const draft = asFlag(fm['draft']);
  if (published === false || draft === true) return 'DRAFT';
  if (published === true || draft === false) return 'PUBLISHED';
  if (source.folders.includes('_drafts')) return 'DRAFT';
  return defaultStatus;
}
