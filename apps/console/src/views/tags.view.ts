import { graphql } from '../api/client.js';
import { CREATE_TAG, DELETE_TAG, MERGE_TAGS, TAGS, UPDATE_TAG } from '../api/queries.js';
import type { Connection, Tag } from '../api/types.js';
import { field, h, replace, select } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { confirmDialog } from '../ui/confirm.js';
import { showIn } from '../ui/errors.js';
import { CursorTrail, pager } from '../ui/pager.js';
import type { View } from './view.js';

const PAGE_SIZE = 50;
const trail = new CursorTrail();
const kinds = (): [string, string][] => [
  ['TAG', t('kind.TAG')],
  ['CATEGORY', t('kind.CATEGORY')],
];
const describe = (tag: Tag) =>
  t('tags.option', { name: tag.name, kind: t(`kind.${tag.kind}`), count: formatNumber(tag.articleCount) });

/** An edit row in place of a tag's row: name, slug, kind, description. */
function editRow(tag: Tag, done: () => void): HTMLElement {
  const name = h('input', { type: 'text', value: tag.name });
  const slug = h('input', { type: 'text', value: tag.slug });
  const kind = select(kinds(), tag.kind);
  const description = h('input', { type: 'text', value: tag.description ?? '' });
  const errors = h('div');
  const form = h(
    'form',
    { class: 'inline-edit' },
    field(t('common.name'), name),
    field(t('common.slug'), slug),
    field(t('common.kind'), kind),
    field(t('tags.description'), description),
    h('button', { type: 'submit', class: 'primary' }, t('common.save')),
    h('button', { type: 'button', onClick: done }, t('common.cancel')),
    errors,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = { name: name.value, slug: slug.value, kind: kind.value, description: description.value || null };
    graphql(UPDATE_TAG, { id: tag.id, input }).then(done, (error: unknown) => showIn(errors, error));
  });
  return h('tr', {}, h('td', { colspan: 5 }, form));
}

/** Merge one tag into another, saying first how many articles each side has. */
function mergeForm(tags: Tag[], refresh: () => Promise<void>, notice: HTMLElement): HTMLElement {
  const options: [string, string][] = tags.map((tag) => [tag.id, describe(tag)]);
  const source = select(options, tags[0]?.id ?? '', { name: 'mergeSource' });
  const target = select(options, tags[1]?.id ?? '', { name: 'mergeTarget' });
  const result = h('div');
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'merge-title' },
    h('h2', { id: 'merge-title' }, t('tags.merge')),
    h('div', { class: 'row' }, field(t('tags.mergeSource'), source), field(t('tags.mergeTarget'), target)),
    h('button', { type: 'submit' }, t('tags.mergeSubmit')),
    result,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const [from, into] = [tags.find((x) => x.id === source.value), tags.find((x) => x.id === target.value)];
    replace(notice);
    if (!from || !into || from.id === into.id) return replace(result, h('p', { role: 'alert' }, t('tags.sameTag')));
    const question = t('tags.confirmMerge', {
      source: from.name,
      target: into.name,
      sourceCount: from.articleCount,
      targetCount: into.articleCount,
    });
    void confirmDialog(question, t('tags.mergeSubmit')).then(async (yes) => {
      if (!yes) return;
      try {
        const { mergeTags } = await graphql<{ mergeTags: Tag }>(MERGE_TAGS, { sources: [from.id], target: into.id });
        await refresh();
        replace(
          notice,
          h(
            'p',
            { class: 'ok', role: 'status' },
            t('tags.merged', { source: from.name, target: mergeTags.name, count: mergeTags.articleCount }),
          ),
        );
      } catch (error) {
        showIn(result, error);
      }
    });
  });
  return form;
}

function createForm(refresh: () => void): HTMLElement {
  const name = h('input', { type: 'text', name: 'newTag', required: true });
  const kind = select(kinds(), 'TAG', { name: 'newTagKind' });
  const errors = h('div');
  const form = h(
    'form',
    { class: 'inline' },
    field(t('tags.new'), name),
    field(t('common.kind'), kind),
    h('button', { type: 'submit' }, t('common.create')),
    errors,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    graphql(CREATE_TAG, { input: { name: name.value, kind: kind.value } }).then(
      () => ((name.value = ''), refresh()),
      (error: unknown) => showIn(errors, error),
    );
  });
  return form;
}

export const tagsView: View = ({ root, signal }) => {
  const filter = h('input', { type: 'search', name: 'tagFilter' });
  const list = h('section', { 'aria-labelledby': 'tags-title' });
  const merge = h('div');
  const mergeNotice = h('div', { 'aria-live': 'polite' });
  const refresh = async () => {
    try {
      const { tags } = await graphql<{ tags: Connection<Tag> }>(TAGS, {
        nameContains: filter.value || null,
        first: PAGE_SIZE,
        after: trail.after,
      });
      if (signal.aborted) return;
      const nodes = tags.edges.map((e) => e.node);
      const body = h('tbody');
      const row = (tag: Tag): HTMLElement =>
        h(
          'tr',
          {},
          h('td', {}, tag.name),
          h('td', {}, tag.slug),
          h('td', {}, t(`kind.${tag.kind}`)),
          h('td', { 'data-articles': tag.slug }, formatNumber(tag.articleCount)),
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                onClick: (e: Event) =>
                  (e.currentTarget as HTMLElement).closest('tr')!.replaceWith(editRow(tag, () => void refresh())),
              },
              t('common.edit'),
            ),
            ' ',
            h('button', { type: 'button', class: 'danger', onClick: () => void remove(tag) }, t('common.delete')),
          ),
        );
      const remove = async (tag: Tag) => {
        if (!(await confirmDialog(t('tags.confirmDelete', { name: tag.name })))) return;
        graphql(DELETE_TAG, { id: tag.id }).then(
          () => void refresh(),
          (error: unknown) => showIn(list, error),
        );
      };
      replace(body, nodes.map(row));
      replace(
        list,
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'tags' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [t('common.name'), t('common.slug'), t('common.kind'), t('tags.articles'), t('common.actions')].map(
                  (c) => h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            body,
          ),
        ),
        pager(trail, tags.pageInfo, nodes.length, tags.totalCount, PAGE_SIZE, () => void refresh()),
      );
      replace(merge, nodes.length > 1 ? mergeForm(nodes, refresh, mergeNotice) : null);
    } catch (error) {
      showIn(list, error);
    }
  };
  const search = h(
    'form',
    { role: 'search', class: 'inline' },
    field(t('tags.filter'), filter),
    h('button', { type: 'submit' }, t('common.apply')),
  );
  search.addEventListener('submit', (e) => (e.preventDefault(), trail.reset(), void refresh()));
  root.append(
    h('h1', { id: 'tags-title' }, t('tags.title')),
    createForm(() => void refresh()),
    search,
    mergeNotice,
    merge, // above the list: its choices are the tags the search shows
    list,
  );
  return refresh();
};
