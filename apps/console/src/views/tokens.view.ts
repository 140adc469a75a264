import { graphql } from '../api/client.js';
import { API_TOKENS, CREATE_TOKEN, REVOKE_TOKEN } from '../api/queries.js';
import type { ApiToken, Connection } from '../api/types.js';
import { field, h, replace, select } from '../dom.js';
import { formatDate, t } from '../i18n/i18n.js';
import { confirmDialog } from '../ui/confirm.js';
import { showIn } from '../ui/errors.js';
import { CursorTrail, pager } from '../ui/pager.js';
import type { View } from './view.js';

const PAGE_SIZE = 50;
const trail = new CursorTrail();

/** The new secret, shown once, with a copy button; it is not kept anywhere by the console. */
function secretBox(name: string, secret: string): HTMLElement {
  const value = h('input', {
    type: 'text',
    readonly: true,
    value: secret,
    class: 'secret',
    'aria-label': t('tokens.secret', { name }),
  });
  const copied = h('span', { role: 'status' });
  const copy = async () => {
    value.select();
    try {
      await navigator.clipboard.writeText(secret);
    } catch {
      document.execCommand('copy'); // clipboard API refused (e.g. not a secure context)
    }
    copied.textContent = t('tokens.copied');
  };
  return h(
    'div',
    { class: 'card secret-box', role: 'alert' },
    h('p', {}, t('tokens.secret', { name })),
    h(
      'div',
      { class: 'inline' },
      value,
      h('button', { type: 'button', onClick: () => void copy() }, t('tokens.copy')),
      copied,
    ),
  );
}

export const tokensView: View = ({ root, signal }) => {
  const list = h('section', { 'aria-labelledby': 'tokens-title' });
  const created = h('div');
  const refresh = async () => {
    try {
      const { apiTokens } = await graphql<{ apiTokens: Connection<ApiToken> }>(API_TOKENS, {
        first: PAGE_SIZE,
        after: trail.after,
      });
      if (signal.aborted) return;
      const revoke = async (token: ApiToken) => {
        if (!(await confirmDialog(t('tokens.confirmRevoke', { name: token.name }), t('tokens.revoke')))) return;
        graphql(REVOKE_TOKEN, { name: token.name }).then(
          () => void refresh(),
          (error: unknown) => showIn(list, error),
        );
      };
      const row = (tk: ApiToken) =>
        h(
          'tr',
          { 'data-token': tk.name },
          h('td', {}, tk.name),
          h('td', {}, tk.role),
          h('td', {}, formatDate(tk.createdAt)),
          h('td', {}, formatDate(tk.lastUsedAt)),
          h(
            'td',
            { class: 'token-state' },
            tk.revokedAt ? `${t('tokens.revoked')} ${formatDate(tk.revokedAt)}` : t('tokens.active'),
          ),
          h(
            'td',
            {},
            tk.revokedAt
              ? null
              : h(
                  'button',
                  { type: 'button', class: 'danger', onClick: () => void revoke(tk) },
                  `${t('tokens.revoke')} ${tk.name}`,
                ),
          ),
        );
      const head = [
        t('common.name'),
        t('tokens.role'),
        t('tokens.created'),
        t('tokens.lastUsed'),
        t('articles.col.status'),
        t('common.actions'),
      ];
      replace(
        list,
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'tokens' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                head.map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              {},
              apiTokens.edges.map((e) => row(e.node)),
            ),
          ),
        ),
        pager(trail, apiTokens.pageInfo, apiTokens.edges.length, apiTokens.totalCount, PAGE_SIZE, () => void refresh()),
      );
    } catch (error) {
      showIn(list, error);
    }
  };
  const name = h('input', { type: 'text', name: 'tokenName', required: true, autocomplete: 'off' });
  const role = select(
    [
      ['EDITOR', 'EDITOR'],
      ['ADMIN', 'ADMIN'],
    ],
    'EDITOR',
    { name: 'tokenRole' },
  );
  const errors = h('div');
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'new-token' },
    h('h2', { id: 'new-token' }, t('tokens.new')),
    h('div', { class: 'row' }, field(t('common.name'), name), field(t('tokens.role'), role)),
    h('button', { type: 'submit', class: 'primary' }, t('common.create')),
    errors,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    showIn(errors);
    graphql<{ createApiToken: { secret: string; token: ApiToken } }>(CREATE_TOKEN, {
      input: { name: name.value, role: role.value },
    }).then(
      ({ createApiToken }) => (
        replace(created, secretBox(createApiToken.token.name, createApiToken.secret)),
        (name.value = ''),
        void refresh()
      ),
      (error: unknown) => showIn(errors, error),
    );
  });
  root.append(h('h1', { id: 'tokens-title' }, t('tokens.title')), form, created, list);
  return refresh();
};
