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

/**
 * Tags whose id is one of `ids` or whose `kind:slug` is one of `keys`. Each key is split and
 * looked up as (kind, slug), so both branches are index probes (the unique (kind, slug) index
 * and the primary key); comparing `kind || ':' || slug` read every tag (issue 14).
 */
export async function tagsByIdOrKey(
  db: Queryable,
  ids: string[],
  keys: string[],
): Promise<{ id: string; key: string }[]> {
  const { rows } = await db.query<{ id: string; key: string }>(
    `SELECT id::text, kind::text || ':' || slug AS key FROM "Tag" WHERE id = ANY($1::uuid[])
     UNION
     SELECT t.id::text, t.kind::text || ':' || t.slug FROM unnest($2::text[]) k
       JOIN "Tag" t ON t.kind = split_part(k, ':', 1)::"TagKind" AND t.slug = substr(k, strpos(k, ':') + 1)`,
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
