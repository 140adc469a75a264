import type { SqlClient, Tag as TagRow } from '@pressroom/database';

const TAG_COLUMNS = 'id::text, slug, name, kind, description, "createdAt", "updatedAt"';

// Articles are locked before tags, the order an article update takes them in (its new links
// check the tags), so the two do not deadlock; each list is locked in id order.
export async function lockArticlesTagged(client: SqlClient, tagIds: string[]): Promise<void> {
  await client.query(
    `SELECT id FROM "Article" WHERE id IN (SELECT "articleId" FROM "ArticleTag" WHERE "tagId" = ANY($1::uuid[])) ORDER BY id FOR UPDATE`,
    [tagIds],
  );
}

export async function lockTags(client: SqlClient, ids: string[]): Promise<TagRow[]> {
  const { rows } = await client.query<TagRow>(
    `SELECT ${TAG_COLUMNS} FROM "Tag" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return rows;
}

/** With the tags locked no new link to them can appear, so this is the final list. */
export async function articlesTagged(client: SqlClient, tagIds: string[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT DISTINCT "articleId"::text AS id FROM "ArticleTag" WHERE "tagId" = ANY($1::uuid[])`,
    [tagIds],
  );
  return rows.map((r) => r.id);
}

/** Links every article of `sources` to `target` (an article that has it already keeps one link). */
export async function relinkArticles(client: SqlClient, sources: string[], target: string): Promise<void> {
  await client.query(
    `INSERT INTO "ArticleTag" ("articleId", "tagId")
     SELECT DISTINCT "articleId", $2::uuid FROM "ArticleTag" WHERE "tagId" = ANY($1::uuid[])
     ON CONFLICT DO NOTHING`,
    [sources, target],
  );
}

/** Deletes the tags. */
export async function deleteTags(client: SqlClient, ids: string[]): Promise<void> {
  await client.query(`DELETE FROM "Tag" WHERE id = ANY($1::uuid[])`, [ids]);
}

/** Deletes the tag. */
export async function deleteTag(client: SqlClient, id: string): Promise<void> {
  await client.query(`DELETE FROM "Tag" WHERE id = $1`, [id]);
}
