import type { ArticleStatus } from '../api/types.js';
import { h } from '../dom.js';
import { formatDate, t } from '../i18n/i18n.js';

/** "Published", "Draft", or "Scheduled for …" for a PUBLISHED article dated in the future. */
export function statusText(status: ArticleStatus, publishedAt: string | null): string {
  if (status === 'PUBLISHED' && publishedAt && Date.parse(publishedAt) > Date.now()) {
    return t('status.scheduled', { date: formatDate(publishedAt) });
  }
  return t(`status.${status}`);
}

export function statusLabel(status: ArticleStatus, publishedAt: string | null): HTMLElement {
  return h('span', { class: `status status-${status.toLowerCase()}` }, statusText(status, publishedAt));
}
