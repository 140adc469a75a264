import type { ApiError } from '../api/api-error.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { errorBox } from '../ui/errors.js';

/**
 * Someone saved first (CONFLICT): the API's error, which version is now current, and the two
 * ways on: load theirs (dropping the edits), or, for a save, send ours over it knowingly.
 */
export function conflictNotice(
  error: ApiError,
  version: number,
  onReload: () => void,
  onOverwrite?: () => void,
): { element: HTMLElement; focus: () => void } {
  const reload = h('button', { type: 'button', onClick: onReload }, t('editor.reload'));
  const overwrite = onOverwrite
    ? h('button', { type: 'button', class: 'danger', onClick: onOverwrite }, t('editor.overwrite'))
    : null;
  const element = h(
    'div',
    { class: 'conflict', role: 'alert' },
    errorBox(error),
    h('p', {}, t('editor.conflict', { version })),
    h('div', { class: 'actions' }, reload, overwrite),
  );
  return { element, focus: () => reload.focus() };
}
