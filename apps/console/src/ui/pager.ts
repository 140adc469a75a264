import type { PageInfo } from '../api/types.js';
import { h } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';

/** Where a cursor-paged list stands: the `after` cursors of the pages before, for going back. */
export class CursorTrail {
  private readonly befores: (string | null)[] = [];
  after: string | null = null;

  reset(): void {
    this.befores.length = 0;
    this.after = null;
  }

  forward(endCursor: string | null): void {
    this.befores.push(this.after);
    this.after = endCursor;
  }

  back(): void {
    this.after = this.befores.pop() ?? null;
  }

  get pageIndex(): number {
    return this.befores.length;
  }
}

/** "21–40 of 95" with previous/next buttons that move `trail` and call `reload`. */
export function pager(
  trail: CursorTrail,
  pageInfo: PageInfo,
  shown: number,
  total: number,
  pageSize: number,
  reload: () => void,
): HTMLElement {
  const from = shown ? trail.pageIndex * pageSize + 1 : 0;
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('common.range', { from, to: from + shown - 1, total }) },
    h(
      'span',
      {},
      t('common.range', {
        from: formatNumber(from),
        to: formatNumber(Math.max(0, from + shown - 1)),
        total: formatNumber(total),
      }),
    ),
    h(
      'button',
      { type: 'button', disabled: trail.pageIndex === 0, onClick: () => (trail.back(), reload()) },
      t('common.previous'),
    ),
    h(
      'button',
      { type: 'button', disabled: !pageInfo.hasNextPage, onClick: () => (trail.forward(pageInfo.endCursor), reload()) },
      t('common.next'),
    ),
  );
}
