import { Injectable } from '@nestjs/common';
import { canSeeUnpublished, type Viewer } from '@pressroom/common';
import type { ArticleStatus } from '@pressroom/database';
import { ArticleChangesRepository, type ArticleChangeRow } from './article-changes.repository.js';
import { changeCursor, changeIdOf } from './change-cursor.js';
import { ArticleChangeKind, type ArticleChange } from './models/article-change.model.js';
import type { ArticleChangeFeed } from './models/article-change-feed.model.js';

@Injectable()
export class ChangesService {
  constructor(private readonly changes: ArticleChangesRepository) {}

  /**
   * The changes after `since`, in commit order. Editors get every change; anonymous readers only
   * those of articles they could see before or after it, each told as what it did to the public
   * site (see publicKind), so a draft's life stays private.
   */
  async feed(since: string | undefined, first: number, viewer: Viewer): Promise<ArticleChangeFeed> {
    const sinceId = changeIdOf(since);
    const editor = canSeeUnpublished(viewer);
    const rows = await this.changes.page(sinceId, first + 1, !editor);
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({ cursor: changeCursor(row.id), node: toChange(row, editor) }));
    return {
      edges,
      endCursor: edges.at(-1)?.cursor ?? changeCursor(sinceId),
      hasMore: rows.length > first,
    };
  }
}

function toChange(row: ArticleChangeRow, editor: boolean): ArticleChange {
  return {
    articleId: row.articleId,
    slug: row.slug,
    oldSlug: row.oldSlug,
    kind: editor ? ArticleChangeKind[row.kind] : publicKind(row),
    status: row.status as ArticleStatus,
    version: row.version,
    publishedAt: row.publishedAt,
    visible: row.visibleAfter,
    at: row.at,
  };
}

/** What a change did to what anonymous readers see (the row was visible before or after). */
export function publicKind(row: Pick<ArticleChangeRow, 'kind' | 'visibleBefore' | 'visibleAfter'>): ArticleChangeKind {
  if (!row.visibleBefore) return ArticleChangeKind.PUBLISHED;
  if (row.visibleAfter) return ArticleChangeKind.UPDATED;
  if (row.kind === 'DELETED' || row.kind === 'ARCHIVED') return ArticleChangeKind[row.kind];
  return ArticleChangeKind.UNPUBLISHED;
}
