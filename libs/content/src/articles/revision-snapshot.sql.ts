import type { ArticleSnapshot } from './revision-snapshot.js';

/** SQL expressions of type uuid[] for an article's links. */
export interface SnapshotLinks {
  /** In byline order. */
  authorIds: string;
  tagIds: string;
}

/** A timestamptz as Date.toISOString() writes it. */
const isoString = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Every key of ArticleSnapshot but the links, from a row of "Article" aliased `a`: the compiler
// refuses a field added to the interface and not here.
const FIELDS: Record<Exclude<keyof ArticleSnapshot, 'authorIds' | 'tagIds'>, (a: string) => string> = {
  title: (a) => `${a}.title`,
  slug: (a) => `${a}.slug`,
  excerpt: (a) => `${a}.excerpt`,
  body: (a) => `${a}.body`,
  bodyFormat: (a) => `${a}."bodyFormat"`,
  status: (a) => `${a}.status`,
  publishedAt: (a) => isoString(`${a}."publishedAt"`),
  lastModifiedAt: (a) => isoString(`${a}."lastModifiedAt"`),
  language: (a) => `${a}.language`,
  sourceUrl: (a) => `${a}."sourceUrl"`,
  frontMatter: (a) => `${a}."frontMatter"::jsonb`,
};

/**
 * The one definition of a revision's snapshot: a jsonb expression over the row `article` (an
 * alias of "Article" or of a CTE returning its columns) and its links. Every write builds it in
 * the statement that writes the row, from what was just written: sending each body a second
 * time, as JSON, cost the import more than the articles themselves, and two builders (one in
 * TypeScript, one in SQL) could drift (issue 13).
 */
export function revisionSnapshotSql(article: string, links: SnapshotLinks): string {
  const fields = Object.entries(FIELDS).map(([key, value]) => `'${key}', ${value(article)}`);
  return `jsonb_build_object(${fields.join(', ')},
    'authorIds', to_jsonb(${links.authorIds}),
    'tagIds', to_jsonb(ARRAY(SELECT t FROM unnest(${links.tagIds}) AS t ORDER BY t::text COLLATE "C")))`;
}

/** The links as stored, for a statement that does not change them. */
export function storedLinks(article: string): SnapshotLinks {
  return {
    authorIds: `ARRAY(SELECT l."authorId" FROM "ArticleAuthor" l WHERE l."articleId" = ${article}.id ORDER BY l.position)`,
    tagIds: `ARRAY(SELECT l."tagId" FROM "ArticleTag" l WHERE l."articleId" = ${article}.id)`,
  };
}
