import { toApiError } from '../api/api-error.js';
import { h, replace } from '../dom.js';
import { t, tMaybe } from '../i18n/i18n.js';

/** A readable line for any error: what it means in the reader's language, the API's words, its code. */
export function describeError(error: unknown): { summary: string; message: string; code: string } {
  const e = toApiError(error);
  return { summary: tMaybe(`error.${e.code}`) ?? t('error.other'), message: e.message, code: e.code };
}

/** An inline alert for an error, e.g. under the form that caused it. */
export function errorBox(error: unknown): HTMLElement {
  const { summary, message, code } = describeError(error);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('strong', {}, summary),
    ': ',
    h('span', { class: 'error-message' }, message),
    ' ',
    h('code', { class: 'error-code' }, code),
  );
}

/** Shows `error` in `slot` (replacing what was there), or clears the slot. */
export function showIn(slot: HTMLElement, error?: unknown): void {
  if (error === undefined) replace(slot);
  else replace(slot, errorBox(error));
}

let banner: HTMLElement | null = null;

export function setBanner(el: HTMLElement): void {
  banner = el;
}

/** The page-wide alert, for errors no form owns (a failed load, a bug): never a blank page. */
export function showError(error: unknown): void {
  if (!banner) return;
  replace(
    banner,
    errorBox(error),
    h('button', { type: 'button', class: 'link', onClick: () => replace(banner!) }, t('error.dismiss')),
  );
}

export function clearBanner(): void {
  if (banner) replace(banner);
}
