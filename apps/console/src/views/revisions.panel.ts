import { ApiError } from '../api/api-error.js';
import { graphql } from '../api/client.js';
import { RESTORE_REVISION, REVISIONS } from '../api/queries.js';
import type { Article, Connection, Revision } from '../api/types.js';
import { lineDiff } from '../diff/line-diff.js';
import { h, replace } from '../dom.js';
import { formatDate, t, tMaybe } from '../i18n/i18n.js';
import { confirmDialog } from '../ui/confirm.js';

export interface RevisionHandlers {
  onRestored: (article: Article) => void;
  onConflict: (error: ApiError) => void;
  onError: (error: unknown) => void;
}

const FIELDS = [
  'title',
  'slug',
  'status',
  'publishedAt',
  'language',
  'bodyFormat',
  'sourceUrl',
  'excerpt',
  'body',
  'authorIds',
  'tagIds',
];

/** A snapshot field as text; ids of the article's current tags and authors by name. */
function fieldText(snapshot: Record<string, unknown>, name: string, article: Article): string {
  const value = snapshot[name];
  if (Array.isArray(value)) {
    const names = new Map([...article.tags, ...article.authors].map((x) => [x.id, x.name]));
    return value.map((id) => names.get(String(id)) ?? String(id)).join('\n');
  }
  return value == null ? '' : String(value);
}

/** Each field that differs between two revisions, as a line diff: - removed, + added. */
function diffView(a: Revision, b: Revision, article: Article): HTMLElement {
  const rows = FIELDS.flatMap((name) => {
    const before = fieldText(a.snapshot, name, article);
    const after = fieldText(b.snapshot, name, article);
    if (before === after) return [];
    const lines = lineDiff(before, after).map((l) =>
      h(
        l.op === 'add' ? 'ins' : l.op === 'remove' ? 'del' : 'span',
        { class: `diff-${l.op}` },
        `${l.op === 'add' ? '+ ' : l.op === 'remove' ? '- ' : '  '}${l.text}\n`,
      ),
    );
    return [
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, tMaybe(`editor.${name}`) ?? name),
        h('td', {}, h('pre', { class: 'diff' }, lines)),
      ),
    ];
  });
  return h(
    'section',
    { class: 'diff-view', 'aria-live': 'polite' },
    h('h3', {}, t('revisions.diffTitle', { a: a.version, b: b.version })),
    rows.length
      ? h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('revisions.field')), h('th', { scope: 'col' }, ''))),
          h('tbody', {}, rows),
        )
      : h('p', {}, t('revisions.same')),
  );
}

/** The article's revisions, newest first: pick two to compare, or restore one as a new version. */
export async function revisionsPanel(
  root: HTMLElement,
  current: () => Article,
  handlers: RevisionHandlers,
): Promise<void> {
  const article = current();
  const { article: found } = await graphql<{ article: { revisions: Connection<Revision> } | null }>(REVISIONS, {
    id: article.id,
  });
  const revisions = found?.revisions.edges.map((e) => e.node) ?? [];
  const output = h('div');
  const radio = (group: string, r: Revision, checked: boolean) =>
    h('input', {
      type: 'radio',
      name: group,
      value: r.id,
      checked,
      'aria-label': `${t(group === 'a' ? 'revisions.compareA' : 'revisions.compareB')} ${r.version}`,
    });
  const restore = async (r: Revision) => {
    if (!(await confirmDialog(t('revisions.confirmRestore', { version: r.version })))) return;
    try {
      const { restoreArticleRevision } = await graphql<{ restoreArticleRevision: Article }>(RESTORE_REVISION, {
        articleId: current().id,
        revisionId: r.id,
        expectedVersion: current().version,
      });
      handlers.onRestored(restoreArticleRevision);
      await revisionsPanel(root, current, handlers);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') handlers.onConflict(error);
      else handlers.onError(error);
    }
  };
  const table = h(
    'table',
    { class: 'revisions' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...(['version', 'action', 'actor', 'date', 'compareA', 'compareB'] as const).map((c) =>
          h('th', { scope: 'col' }, t(`revisions.${c}`)),
        ),
        h('th', { scope: 'col' }, t('common.actions')),
      ),
    ),
    h(
      'tbody',
      {},
      revisions.map((r, i) =>
        h(
          'tr',
          {},
          h('td', {}, String(r.version)),
          h('td', {}, r.action),
          h('td', {}, r.actor),
          h('td', {}, formatDate(r.createdAt)),
          h('td', {}, radio('a', r, i === 1)),
          h('td', {}, radio('b', r, i === 0)),
          h(
            'td',
            {},
            h('button', { type: 'button', onClick: () => void restore(r) }, `${t('revisions.restore')} ${r.version}`),
          ),
        ),
      ),
    ),
  );
  const compare = () => {
    const pick = (group: string) =>
      revisions.find((r) => r.id === root.querySelector<HTMLInputElement>(`input[name="${group}"]:checked`)?.value);
    const [a, b] = [pick('a'), pick('b')];
    if (!a || !b || a.id === b.id) return replace(output, h('p', { role: 'alert' }, t('revisions.pickTwo')));
    const [older, newer] = a.version < b.version ? [a, b] : [b, a];
    replace(output, diffView(older, newer, current()));
    output.scrollIntoView({ block: 'start' });
  };
  replace(
    root,
    h('h2', { id: 'revisions-title' }, t('revisions.title')),
    h('div', { class: 'table-wrap' }, table),
    h('button', { type: 'button', onClick: compare, disabled: revisions.length < 2 }, t('revisions.compare')),
    output,
  );
}
