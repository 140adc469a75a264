import { ApiError } from '../api/api-error.js';
import { graphql } from '../api/client.js';
import { ARTICLE, UPDATE_ARTICLE } from '../api/queries.js';
import type { Article } from '../api/types.js';
import { h, replace } from '../dom.js';
import { formatDate, t } from '../i18n/i18n.js';
import { showIn } from '../ui/errors.js';
import { statusText } from '../ui/status.js';
import { articleActions } from './article-actions.js';
import { ArticleForm } from './article-form.js';
import { conflictNotice } from './conflict-notice.js';
import { revisionsPanel } from './revisions.panel.js';
import type { View } from './view.js';

async function fetchArticle(id: string): Promise<Article> {
  const { article } = await graphql<{ article: Article | null }>(ARTICLE, { id });
  if (!article) throw new ApiError('NOT_FOUND', `No article with id ${id}`);
  return article;
}

export const articleEditorView: View = async ({ root, params, go, warnBeforeLeaving }) => {
  const id = params[0]!;
  let article = await fetchArticle(id);
  const heading = h('h1', {});
  const meta = h('p', { class: 'meta', role: 'status' });
  const notice = h('div', { 'aria-live': 'polite' });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, t('common.save'));
  const preview = h('iframe', { sandbox: '', title: t('editor.preview'), class: 'preview' });
  const actions = h('div');
  const revisions = h('section', { 'aria-labelledby': 'revisions-title' });
  const form = new ArticleForm(article, () => (notice.textContent = t('editor.unsaved')));
  warnBeforeLeaving(() => form.isDirty());

  /** Shows `next` everywhere; the form too unless the reader keeps editing their own text. */
  const show = (next: Article, refillForm: boolean) => {
    article = next;
    if (refillForm) form.fill(next);
    heading.textContent = next.title;
    meta.textContent = t('editor.meta', {
      version: next.version,
      status: statusText(next.status, next.publishedAt),
      updated: formatDate(next.updatedAt),
    });
    preview.srcdoc = next.html;
    replace(
      actions,
      articleActions(article, {
        onDone: (a) => (show(a, true), void reloadRevisions()),
        onConflict: conflict,
        onDeleted: () => go('#/articles'),
        onError: (e) => showIn(notice, e),
      }),
    );
  };
  const reloadRevisions = () =>
    revisionsPanel(revisions, () => article, {
      onRestored: (a) => show(a, true),
      onConflict: conflict,
      onError: (e) => showIn(notice, e),
    });

  /** Someone saved first: say so, and offer their version or ours over it. */
  const conflict = (error: ApiError, retry?: (version: number) => Promise<void>) => {
    const version = Number(error.details.currentVersion ?? article.version + 1);
    const reload = () =>
      void fetchArticle(id).then(
        (a) => (replace(notice), show(a, true), void reloadRevisions()),
        (e: unknown) => showIn(notice, e),
      );
    const panel = conflictNotice(error, version, reload, retry && (() => void retry(version)));
    replace(notice, panel.element);
    // The Save button may be far below: bring the question to the reader (and the keyboard).
    notice.scrollIntoView({ block: 'center' });
    panel.focus();
  };

  const save = async (expectedVersion: number) => {
    saveButton.disabled = true;
    saveButton.textContent = t('common.saving');
    try {
      const { updateArticle } = await graphql<{ updateArticle: Article }>(UPDATE_ARTICLE, {
        id,
        input: form.changes(),
        expectedVersion,
      });
      show(updateArticle, true);
      replace(notice, h('p', { class: 'ok' }, t('common.saved')));
      await reloadRevisions();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && error.details.currentVersion != null)
        conflict(error, save);
      else showIn(notice, error);
    } finally {
      saveButton.disabled = false;
      saveButton.textContent = t('common.save');
    }
  };

  const editor = h(
    'form',
    { class: 'editor', 'aria-labelledby': 'editor-title' },
    form.element,
    h('div', { class: 'actions sticky' }, saveButton),
  );
  editor.addEventListener('submit', (e) => (e.preventDefault(), void save(article.version)));
  heading.id = 'editor-title';
  root.append(
    h('p', {}, h('a', { href: '#/articles' }, `← ${t('editor.back')}`)),
    heading,
    meta,
    notice,
    actions,
    h(
      'div',
      { class: 'split' },
      editor,
      h('section', { class: 'preview-pane' }, h('h2', {}, t('editor.preview')), preview),
    ),
    revisions,
  );
  show(article, false);
  await reloadRevisions();
};
