import { graphql } from '../api/client.js';
import { AUTHORS, CREATE_AUTHOR, DELETE_AUTHOR, UPDATE_AUTHOR } from '../api/queries.js';
import type { Author, Connection } from '../api/types.js';
import { field, h, replace } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { confirmDialog } from '../ui/confirm.js';
import { showIn } from '../ui/errors.js';
import { CursorTrail, pager } from '../ui/pager.js';
import type { View } from './view.js';

const PAGE_SIZE = 50;
const trail = new CursorTrail();
const FIELDS = [
  ['name', 'common.name'],
  ['slug', 'common.slug'],
  ['bio', 'authors.bio'],
  ['email', 'authors.email'],
  ['url', 'authors.url'],
] as const;

function editRow(author: Author, done: () => void): HTMLElement {
  const inputs = FIELDS.map(([key]) =>
    h('input', { type: key === 'email' ? 'email' : 'text', name: key, value: author[key] ?? '' }),
  );
  const errors = h('div');
  const form = h(
    'form',
    { class: 'inline-edit' },
    FIELDS.map(([, label], i) => field(t(label), inputs[i]!)),
    h('button', { type: 'submit', class: 'primary' }, t('common.save')),
    h('button', { type: 'button', onClick: done }, t('common.cancel')),
    errors,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // An emptied optional field clears it; name and slug are sent as typed (empty is refused).
    const value = (key: string, v: string) => (v === '' && key !== 'name' && key !== 'slug' ? null : v);
    const input = Object.fromEntries(FIELDS.map(([key], i) => [key, value(key, inputs[i]!.value)]));
    graphql(UPDATE_AUTHOR, { id: author.id, input }).then(done, (error: unknown) => showIn(errors, error));
  });
  return h('tr', {}, h('td', { colspan: 4 }, form));
}

export const authorsView: View = ({ root, signal }) => {
  const filter = h('input', { type: 'search', name: 'authorFilter' });
  const list = h('section', { 'aria-labelledby': 'authors-title' });
  const refresh = async () => {
    try {
      const { authors } = await graphql<{ authors: Connection<Author> }>(AUTHORS, {
        nameContains: filter.value || null,
        first: PAGE_SIZE,
        after: trail.after,
      });
      if (signal.aborted) return;
      const nodes = authors.edges.map((e) => e.node);
      const remove = async (author: Author) => {
        if (!(await confirmDialog(t('authors.confirmDelete', { name: author.name })))) return;
        graphql(DELETE_AUTHOR, { id: author.id }).then(
          () => void refresh(),
          (error: unknown) => showIn(list, error),
        );
      };
      const row = (a: Author): HTMLElement =>
        h(
          'tr',
          {},
          h('td', {}, a.name),
          h('td', {}, a.slug),
          h('td', {}, formatNumber(a.articleCount)),
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                onClick: (e: Event) =>
                  (e.currentTarget as HTMLElement).closest('tr')!.replaceWith(editRow(a, () => void refresh())),
              },
              t('common.edit'),
            ),
            ' ',
            h('button', { type: 'button', class: 'danger', onClick: () => void remove(a) }, t('common.delete')),
          ),
        );
      replace(
        list,
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'authors' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [t('common.name'), t('common.slug'), t('tags.articles'), t('common.actions')].map((c) =>
                  h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h('tbody', {}, nodes.map(row)),
          ),
        ),
        pager(trail, authors.pageInfo, nodes.length, authors.totalCount, PAGE_SIZE, () => void refresh()),
      );
    } catch (error) {
      showIn(list, error);
    }
  };
  const name = h('input', { type: 'text', name: 'newAuthor', required: true });
  const createErrors = h('div');
  const create = h(
    'form',
    { class: 'inline' },
    field(t('authors.new'), name),
    h('button', { type: 'submit' }, t('common.create')),
    createErrors,
  );
  create.addEventListener('submit', (e) => {
    e.preventDefault();
    graphql(CREATE_AUTHOR, { input: { name: name.value } }).then(
      () => ((name.value = ''), void refresh()),
      (error: unknown) => showIn(createErrors, error),
    );
  });
  const search = h(
    'form',
    { role: 'search', class: 'inline' },
    field(t('tags.filter'), filter),
    h('button', { type: 'submit' }, t('common.apply')),
  );
  search.addEventListener('submit', (e) => (e.preventDefault(), trail.reset(), void refresh()));
  root.append(h('h1', { id: 'authors-title' }, t('authors.title')), create, search, list);
  return refresh();
};
