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

/** JSON rows back to Prisma's shape: timestamps as Dates. */
export function fromJson<R extends AuthorRow | TagRow>(rows: JsonRow[]): R[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    if (row.createdAt) out.createdAt = new Date(row.createdAt);
    if (row.updatedAt) out.updatedAt = new Date(row.updatedAt);
    return out as unknown as R;
  });
}
