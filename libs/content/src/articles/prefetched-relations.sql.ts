import { Prisma } from '@pressroom/database';
import type { ArticleSelection } from '../selection.js';

const { sql, raw } = Prisma;

type Relation = 'authors' | 'tags';

const COLUMNS: Record<Relation, string[]> = {
  authors: ['id', 'slug', 'name', 'bio', 'email', 'url', 'avatarUrl', 'createdAt', 'updatedAt'],
  tags: ['id', 'slug', 'name', 'kind', 'description', 'createdAt', 'updatedAt'],
};
// Fields resolved elsewhere (from the id): not columns, but no reason to read the whole row.
const COMPUTED = new Set(['articles', 'articleCount', '__typename']);

const RELATIONS: Record<Relation, { from: string; alias: string; order: string; column: string }> = {
  authors: {
    from: '"ArticleAuthor" l JOIN "Author" u ON u.id = l."authorId"',
    alias: 'u',
    order: 'l.position',
    column: '"prefetchedAuthors"',
  },
  tags: {
    from: '"ArticleTag" l JOIN "Tag" t ON t.id = l."tagId"',
    alias: 't',
    order: 't.kind, t.name, t.id',
    column: '"prefetchedTags"',
  },
};

/**
 * One related row as JSON: only the selected columns, as the JSON of whole rows costs twice as
 * much to build; the whole row when a field is not known here.
 */
function jsonRowSql(relation: Relation, fields: ReadonlySet<string>): string {
  const { alias } = RELATIONS[relation];
  const known = [...fields].every((f) => COLUMNS[relation].includes(f) || COMPUTED.has(f));
  if (!known) return `to_jsonb(${alias})`;
  const columns = COLUMNS[relation].filter((c) => c === 'id' || fields.has(c));
  return `json_build_object(${columns.map((c) => `'${c}', ${alias}."${c}"`).join(', ')})`;
}

/**
 * `rows` (a SELECT of articles that includes their `id`, in the order to keep) with the authors
 * and tags the selection asks for, as JSON columns (see prefetched-relations.ts); `rows` itself
 * when it asks for neither.
 *
 * Each relation is read once for all the rows, in one join grouped by article (issue 14): a
 * subquery per row planned its join for one article, and with a few hundred tags that was a scan
 * of the tag table per article, 3x the PostgreSQL time of a front page. The outer query only
 * scans the rows' CTE, so they come out in the order `rows` produced them.
 */
export function withPrefetchedRelations(rows: Prisma.Sql, selection: ArticleSelection | undefined): Prisma.Sql {
  const relations = (['authors', 'tags'] as const).filter((r) => selection?.[r]);
  if (relations.length === 0) return rows;
  const grouped = relations.map((r) => {
    const { from, order } = RELATIONS[r];
    return `${r} AS MATERIALIZED (SELECT l."articleId" AS id, json_agg(${jsonRowSql(r, selection![r]!)} ORDER BY ${order}) AS list
      FROM ${from} WHERE l."articleId" IN (SELECT id FROM listed) GROUP BY l."articleId")`;
  });
  const columns = relations.map(
    (r) => `coalesce((SELECT x.list FROM ${r} x WHERE x.id = listed.id), '[]') AS ${RELATIONS[r].column}`,
  );
  return sql`WITH listed AS MATERIALIZED (${rows}), ${raw(grouped.join(', '))}
    SELECT listed.*, ${raw(columns.join(', '))} FROM listed`;
}
