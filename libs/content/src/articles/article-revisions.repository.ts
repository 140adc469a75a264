import type { Queryable } from './article-writes.repository.js';
import type { ArticleSnapshot } from './revision-snapshot.js';

/** The snapshot of revision `revisionId` of article `articleId`, if there is one. */
export async function revisionSnapshot(
  db: Queryable,
  revisionId: string,
  articleId: string,
): Promise<ArticleSnapshot | undefined> {
  const { rows } = await db.query<{ snapshot: ArticleSnapshot }>(
    `SELECT snapshot FROM "ArticleRevision" WHERE id = $1 AND "articleId" = $2`,
    [revisionId, articleId],
  );
  return rows[0]?.snapshot;
}
