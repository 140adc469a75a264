import type { Author as AuthorRow, Tag as TagRow } from '@pressroom/database';

/**
 * An article's authors and tags read in the same statement as the article (when the query
 * shows them): a list page is then one round trip instead of three. Rows read without them
 * fall back to the per-request DataLoaders.
 */
export interface PrefetchedRelations {
  prefetchedAuthors?: JsonRow[];
  prefetchedTags?: JsonRow[];
}

type JsonRow = Record<string, unknown> & { createdAt?: string; updatedAt?: string };

const COLUMNS = {
  authors: ['id', 'slug', 'name', 'bio', 'email', 'url', 'avatarUrl', 'createdAt', 'updatedAt'],
  tags: ['id', 'slug', 'name', 'kind', 'description', 'createdAt', 'updatedAt'],
};
// Fields resolved elsewhere (from the id): not columns, but no reason to read the whole row.
const COMPUTED = new Set(['articles', 'articleCount', '__typename']);

/**
 * The relation as JSON for one article (aliased `a`): only the selected columns, as the
 * JSON of whole rows costs twice as much to build; the whole row when a field is not known here.
 */
export function prefetchSql(relation: 'authors' | 'tags', fields: ReadonlySet<string>): string {
  const known = [...fields].every((f) => COLUMNS[relation].includes(f) || COMPUTED.has(f));
  const columns = COLUMNS[relation].filter((c) => c === 'id' || fields.has(c));
  const alias = relation === 'authors' ? 'u' : 't';
  const row = known
    ? `json_build_object(${columns.map((c) => `'${c}', ${alias}."${c}"`).join(', ')})`
    : `to_jsonb(${alias})`;
  return relation === 'authors'
    ? `coalesce((SELECT json_agg(${row} ORDER BY l.position) FROM "ArticleAuthor" l
        JOIN "Author" u ON u.id = l."authorId" WHERE l."articleId" = a.id), '[]') AS "prefetchedAuthors"`
    : `coalesce((SELECT json_agg(${row} ORDER BY t.kind, t.name, t.id) FROM "ArticleTag" l
        JOIN "Tag" t ON t.id = l."tagId" WHERE l."articleId" = a.id), '[]') AS "prefetchedTags"`;
}

/** JSON rows back to Prisma's shape: timestamps as Dates. */
export function fromJson<R extends AuthorRow | TagRow>(rows: JsonRow[]): R[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    if (row.createdAt) out.createdAt = new Date(row.createdAt);
    if (row.updatedAt) out.updatedAt = new Date(row.updatedAt);
    return out as unknown as R;
  });
}
