import { Prisma, type Article as ArticleRow } from '@pressroom/database';

/**
 * Every column of "Article" the Prisma client knows, in schema order: what reads select. The
 * search vectors are `Unsupported` in the schema, so never here: large, and nothing reads them.
 * A column added to schema.prisma is here after `npm run prisma:generate`.
 */
export const ARTICLE_COLUMNS = Object.values(Prisma.ArticleScalarFieldEnum) as (keyof ArticleRow)[];

/**
 * The columns an editor's write sets (the writer owns id, version and the timestamps; the import
 * alone sets its own, see IMPORT_COLUMNS). The writer's INSERT, UPDATE and values derive from it.
 */
export const EDITABLE_COLUMNS = [
  'title',
  'slug',
  'excerpt',
  'body',
  'bodyFormat',
  'html',
  'language',
  'sourceUrl',
  'frontMatter',
  'status',
  'publishedAt',
] as const satisfies readonly (keyof ArticleRow)[];

/** The editable columns of an article. */
export type ArticleContent = Pick<ArticleRow, (typeof EDITABLE_COLUMNS)[number]>;

/** `"a"."x", "a"."y"` (or without the alias). */
export function columnList(columns: readonly string[], alias?: string): string {
  return columns.map((c) => (alias ? `${alias}."${c}"` : `"${c}"`)).join(', ');
}

/** `$from, $from+1, ...`: one placeholder per column. */
export function placeholders(columns: readonly string[], from: number): string[] {
  return columns.map((_, i) => `$${from + i}`);
}
