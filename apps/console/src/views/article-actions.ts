import { ApiError } from '../api/api-error.js';
import { graphql } from '../api/client.js';
import { ARCHIVE_ARTICLE, DELETE_ARTICLE, PUBLISH_ARTICLE, UNPUBLISH_ARTICLE } from '../api/queries.js';
import type { Article } from '../api/types.js';
import { field, h } from '../dom.js';
import { formatDate, t } from '../i18n/i18n.js';
import { confirmDialog } from '../ui/confirm.js';

export interface ActionHandlers {
  onDone: (article: Article) => void;
  onConflict: (error: ApiError) => void;
  onDeleted: () => void;
  onError: (error: unknown) => void;
}

/**
 * Publish now, schedule, unpublish, archive and delete, each asked first and sent with the
 * version on screen, so a change someone made meanwhile is a CONFLICT rather than overruled.
 */
export function articleActions(article: Article, handlers: ActionHandlers): HTMLElement {
  const run = async (question: string, mutation: string, key: string, extra: Record<string, unknown> = {}) => {
    if (!(await confirmDialog(question))) return;
    try {
      const data = await graphql<Record<string, Article | string>>(mutation, {
        id: article.id,
        expectedVersion: article.version,
        ...extra,
      });
      if (typeof data[key] === 'string') handlers.onDeleted();
      else handlers.onDone(data[key]!);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') handlers.onConflict(error);
      else handlers.onError(error);
    }
  };
  const title = article.title;
  const at = h('input', { type: 'datetime-local', name: 'scheduleAt' });
  const button = (label: string, onClick: () => void, cls?: string) =>
    h('button', { type: 'button', class: cls, onClick }, label);
  const schedule = () => {
    if (!at.value) return handlers.onError(new ApiError('BAD_USER_INPUT', t('editor.scheduleMissing')));
    // datetime-local is the reader's wall clock; Date reads it in the reader's zone.
    const when = new Date(at.value).toISOString();
    void run(t('editor.confirmSchedule', { title, date: formatDate(when) }), PUBLISH_ARTICLE, 'publishArticle', {
      at: when,
    });
  };
  return h(
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': t('common.actions') },
    button(
      t('editor.publishNow'),
      () => void run(t('editor.confirmPublish', { title }), PUBLISH_ARTICLE, 'publishArticle'),
      'primary',
    ),
    h('div', { class: 'inline' }, field(t('editor.scheduleAt'), at), button(t('editor.schedule'), schedule)),
    article.status !== 'DRAFT'
      ? button(
          t('editor.unpublish'),
          () => void run(t('editor.confirmUnpublish', { title }), UNPUBLISH_ARTICLE, 'unpublishArticle'),
        )
      : null,
    article.status !== 'ARCHIVED'
      ? button(
          t('editor.archive'),
          () => void run(t('editor.confirmArchive', { title }), ARCHIVE_ARTICLE, 'archiveArticle'),
        )
      : null,
    button(
      t('common.delete'),
      () => void run(t('editor.confirmDelete', { title }), DELETE_ARTICLE, 'deleteArticle'),
      'danger',
    ),
  );
}
