import type { ArticleRevision as RevisionRow } from '@pressroom/database';
import type { Queryable } from './article-writes.repository.js';
import type { ArticleSnapshot } from './revision-snapshot.js';
import { revisionSnapshotSql, storedLinks } from './revision-snapshot.sql.js';

// Every version of an article: the stored revisions (replaced states) and the current one, read
// from the row with the id it will keep once stored (pressroom_revision_id()).
const VERSIONS = `(
  SELECT r.id, r."articleId", r.version, r.actor, r.action, r.snapshot, r."createdAt"
  FROM "ArticleRevision" AS r WHERE r."articleId" = $1
  UNION ALL
  SELECT pressroom_revision_id(a.id, a.version), a.id, a.version, a."versionActor", a."versionAction",
    ${revisionSnapshotSql('a', storedLinks('a'))}, a."updatedAt"
  FROM "Article" AS a WHERE a.id = $1
) AS v`;

/** A page of an article's versions by version, newest first (or oldest first, `backward`), after `after`. */
export async function articleVersions(
  db: Queryable,
  articleId: string,
  after: number | null,
  backward: boolean,
  take: number,
): Promise<RevisionRow[]> {
  const { rows } = await db.query<RevisionRow>(
    `SELECT * FROM ${VERSIONS}
     WHERE $2::int IS NULL OR (CASE WHEN $3 THEN v.version > $2 ELSE v.version < $2 END)
     ORDER BY CASE WHEN $3 THEN v.version END ASC, v.version DESC
     LIMIT $4`,
    [articleId, after, backward, take],
  );
  return rows;
}

/** How many versions the article has: its stored revisions and the current one (0 when there is no article). */
export async function articleVersionCount(db: Queryable, articleId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM "ArticleRevision" WHERE "articleId" = $1)::int
       + (SELECT count(*) FROM "Article" WHERE id = $1)::int AS n`,
    [articleId],
  );
  return rows[0]?.n ?? 0;
}

/** The snapshot of version `revisionId` of article `articleId` (stored, or the current one), if there is one. */
export async function revisionSnapshot(
  db: Queryable,
  revisionId: string,
  articleId: string,
): Promise<ArticleSnapshot | undefined> {
  const { rows } = await db.query<{ snapshot: ArticleSnapshot }>(
    `SELECT snapshot FROM "ArticleRevision" WHERE id = $1 AND "articleId" = $2
     UNION ALL
     SELECT ${revisionSnapshotSql('a', storedLinks('a'))} FROM "Article" AS a
     WHERE a.id = $2 AND pressroom_revision_id(a.id, a.version) = $1
     LIMIT 1`,
    [revisionId, articleId],
  );
  return rows[0]?.snapshot;
}
