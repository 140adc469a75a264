import type { ArticleChangeRow } from '../changes/article-changes.repository.js';

/** Every event a webhook may subscribe to. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.archived',
  'article.deleted',
  'import.finished',
  'tag.merged',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * The event a change is, from what it did to the public site: webhooks feed public things
 * (static builds, CDNs, search indexes), so a change to an article nobody could see before or
 * after it (a draft's edits, a draft deleted) is none.
 */
export function eventOf(
  change: Pick<ArticleChangeRow, 'kind' | 'visibleBefore' | 'visibleAfter'>,
): WebhookEvent | null {
  if (!change.visibleBefore) return change.visibleAfter ? 'article.published' : null;
  if (change.visibleAfter) return 'article.updated';
  if (change.kind === 'DELETED') return 'article.deleted';
  if (change.kind === 'ARCHIVED') return 'article.archived';
  return 'article.unpublished';
}
