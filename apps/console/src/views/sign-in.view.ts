import { ApiError } from '../api/api-error.js';
import { graphql } from '../api/client.js';
import { VIEWER } from '../api/queries.js';
import { field, h } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { session, type SignedIn } from '../session.js';
import { showIn } from '../ui/errors.js';

/** Asks the API who the token is; null (anonymous) is refused, since the console edits. */
export async function whoIs(): Promise<SignedIn> {
  const { viewer } = await graphql<{ viewer: SignedIn | null }>(VIEWER);
  if (!viewer) throw new ApiError('UNAUTHENTICATED', t('signIn.anonymous'));
  return viewer;
}

/** The sign-in form; `notice` says why it is shown (signed out, token refused). */
export function signInView(root: HTMLElement, onSignedIn: () => void, notice?: string): void {
  const input = h('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  const errors = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, t('signIn.title')),
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    h('p', {}, t('signIn.intro')),
    field(t('signIn.token'), input),
    errors,
    h('button', { type: 'submit', class: 'primary' }, t('signIn.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      session.trial(input.value.trim());
      try {
        session.start(input.value.trim(), await whoIs());
        onSignedIn();
      } catch (error) {
        session.end();
        showIn(errors, error);
      }
    })();
  });
  root.append(form);
  input.focus();
}
