import { graphql } from '../api/client.js';
import { ARTICLES, CREATE_ARTICLE, SEARCH } from '../api/queries.js';
import type { ArticleSummary, Connection } from '../api/types.js';
import { field, h, replace, select } from '../dom.js';
import { formatDate, t } from '../i18n/i18n.js';
import { showIn } from '../ui/errors.js';
import { CursorTrail, pager } from '../ui/pager.js';
import { statusLabel } from '../ui/status.js';
import type { View } from './view.js';

const PAGE_SIZE = 20;

interface Filters {
  query: string;
  status: string;
  tag: string;
  author: string;
  language: string;
  from: string;
  to: string;
}

// Kept while the tab lives, so coming back from an article shows the same list.
const filters: Filters = { query: '', status: '', tag: '', author: '', language: '', from: '', to: '' };
const trail = new CursorTrail();

/** The `where` of both `articles` and `search`; dates are the reader's local midnight. */
function whereOf(f: Filters): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (f.status) where.status = [f.status];
  if (f.tag) where.tagSlugs = [f.tag];
  if (f.author) where.authorSlug = f.author;
  if (f.language) where.language = f.language;
  if (f.from) where.publishedAfter = new Date(`${f.from}T00:00`).toISOString();
  if (f.to) where.publishedBefore = new Date(`${f.to}T00:00`).toISOString();
  return where;
}

type Edge = { node: ArticleSummary; highlight?: string };

async function load(): Promise<Connection<ArticleSummary, { highlight?: string }>> {
  const page = { where: whereOf(filters), first: PAGE_SIZE, after: trail.after };
  if (filters.query) {
    return (
      await graphql<{ search: Connection<ArticleSummary, { highlight: string }> }>(SEARCH, {
        ...page,
        query: filters.query,
      })
    ).search;
  }
  return (await graphql<{ articles: Connection<ArticleSummary> }>(ARTICLES, page)).articles;
}

function row(edge: Edge): HTMLElement {
  const a = edge.node;
  const title = h('td', {}, h('a', { href: `#/articles/${a.id}` }, a.title));
  // The API's snippet: text escaped, only <mark> added, so it is safe to show as HTML.
  if (edge.highlight) {
    const snippet = h('div', { class: 'snippet' });
    snippet.innerHTML = edge.highlight;
    title.append(snippet);
  }
  return h(
    'tr',
    {},
    title,
    h('td', {}, statusLabel(a.status, a.publishedAt)),
    h('td', {}, a.authors.map((x) => x.name).join(', ')),
    h('td', {}, a.tags.map((x) => x.name).join(', ')),
    h('td', {}, a.language ?? ''),
    h('td', {}, formatDate(a.publishedAt)),
    h('td', {}, formatDate(a.updatedAt)),
  );
}

function filterForm(onApply: () => void): HTMLFormElement {
  const input = (key: keyof Filters, type = 'text') =>
    h('input', {
      type,
      name: key,
      value: filters[key],
      onInput: (e: Event) => (filters[key] = (e.target as HTMLInputElement).value),
    });
  const status = select(
    [
      ['', t('common.any')],
      ...(['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const).map((s): [string, string] => [s, t(`status.${s}`)]),
    ],
    filters.status,
    { name: 'status', onChange: (e: Event) => (filters.status = (e.target as HTMLSelectElement).value) },
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    field(t('articles.search'), input('query', 'search'), t('articles.searchHint')),
    field(t('articles.status'), status),
    field(t('articles.tag'), input('tag')),
    field(t('articles.author'), input('author')),
    field(t('articles.language'), input('language')),
    field(t('articles.from'), input('from', 'date')),
    field(t('articles.to'), input('to', 'date')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('common.apply'))),
  );
  form.addEventListener('submit', (e) => (e.preventDefault(), trail.reset(), onApply()));
  return form;
}

function newArticleForm(go: (hash: string) => void): HTMLFormElement {
  const title = h('input', { type: 'text', name: 'newTitle', required: true });
  const errors = h('div');
  const form = h(
    'form',
    { class: 'inline' },
    field(t('articles.newTitle'), title),
    h('button', { type: 'submit' }, t('articles.new')),
    errors,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    graphql<{ createArticle: { id: string } }>(CREATE_ARTICLE, { input: { title: title.value } }).then(
      ({ createArticle }) => go(`#/articles/${createArticle.id}`),
      (error: unknown) => showIn(errors, error),
    );
  });
  return form;
}

export const articlesView: View = ({ root, signal, go }) => {
  const results = h('section', { 'aria-labelledby': 'results-title', 'aria-busy': 'true' });
  const refresh = async () => {
    results.setAttribute('aria-busy', 'true');
    try {
      const page = await load();
      if (signal.aborted) return;
      replace(
        results,
        h('h2', { id: 'results-title', class: 'visually-hidden' }, t('articles.results')),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'articles' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                (['title', 'status', 'authors', 'tags'] as const).map((c) =>
                  h('th', { scope: 'col' }, t(`articles.col.${c}`)),
                ),
                h('th', { scope: 'col' }, t('articles.language')),
                h('th', { scope: 'col' }, t('articles.col.published')),
                h('th', { scope: 'col' }, t('articles.col.updated')),
              ),
            ),
            h('tbody', {}, page.edges.map(row)),
          ),
        ),
        page.edges.length ? null : h('p', {}, t('common.empty')),
        pager(trail, page.pageInfo, page.edges.length, page.totalCount, PAGE_SIZE, () => void refresh()),
      );
    } catch (error) {
      showIn(results, error);
    } finally {
      results.setAttribute('aria-busy', 'false');
    }
  };
  root.append(
    h('h1', {}, t('articles.title')),
    newArticleForm(go),
    filterForm(() => void refresh()),
    results,
  );
  return refresh();
};
