import type { Queryable } from './article-writes.repository.js';

/** Authors whose id is one of `ids` or whose slug is one of `slugs`. */
export async function authorsByIdOrSlug(
  db: Queryable,
  ids: string[],
  slugs: string[],
): Promise<{ id: string; slug: string }[]> {
  const { rows } = await db.query<{ id: string; slug: string }>(
    `SELECT id::text, slug FROM "Author" WHERE id = ANY($1::uuid[]) OR slug = ANY($2::text[])`,
    [ids, slugs],
  );
  return rows;
}

/** Tags whose id is one of `ids` or whose `kind:slug` is one of `keys`. */
export async function tagsByIdOrKey(
  db: Queryable,
  ids: string[],
  keys: string[],
): Promise<{ id: string; key: string }[]> {
  const { rows } = await db.query<{ id: string; key: string }>(
    `SELECT id::text, kind::text || ':' || slug AS key FROM "Tag" WHERE id = ANY($1::uuid[]) OR kind::text || ':' || slug = ANY($2::text[])`,
    [ids, keys],
  );
  return rows;
}

/** Which of these authors and tags still exist. */
export async function existingAuthorsAndTags(
  db: Queryable,
  authorIds: string[],
  tagIds: string[],
): Promise<{ authorIds: string[]; tagIds: string[] }> {
  const { rows } = await db.query<{ authorIds: string[]; tagIds: string[] }>(
    `SELECT ARRAY(SELECT id::text FROM "Author" WHERE id = ANY($1::uuid[])) AS "authorIds",
            ARRAY(SELECT id::text FROM "Tag" WHERE id = ANY($2::uuid[])) AS "tagIds"`,
    [authorIds, tagIds],
  );
  return rows[0]!;
}
