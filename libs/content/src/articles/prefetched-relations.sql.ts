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
