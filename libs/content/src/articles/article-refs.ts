import { BadUserInputError, NotFoundError } from '@pressroom/common';
import type { AuthorRefInput } from './dto/author-ref.input.js';
import type { TagRefInput } from './dto/tag-ref.input.js';
import { authorsByIdOrSlug, tagsByIdOrKey } from './article-refs.repository.js';
import type { Queryable } from './article-writes.repository.js';

/** Author ids for refs given by id or slug, in the given order; an unknown one is NOT_FOUND. */
export async function resolveAuthorIds(db: Queryable, refs: AuthorRefInput[], field: string): Promise<string[]> {
  assertOneKeyEach(refs, field);
  if (!refs.length) return [];
  const rows = await authorsByIdOrSlug(
    db,
    idsOf(refs),
    refs.flatMap((r) => (r.slug ? [r.slug] : [])),
  );
  const ids = new Set(rows.map((r) => r.id));
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return unique(
    refs.map((ref, i) => {
      const id = ref.id ? (ids.has(ref.id) ? ref.id : undefined) : bySlug.get(ref.slug!);
      if (!id) throw notFound('Author', ref.id ? { id: ref.id } : { slug: ref.slug }, `${field}.${i}`);
      return id;
    }),
  );
}

/** Tag ids for refs given by id or by kind and slug; an unknown one is NOT_FOUND. */
export async function resolveTagIds(db: Queryable, refs: TagRefInput[], field: string): Promise<string[]> {
  assertOneKeyEach(refs, field);
  if (!refs.length) return [];
  const key = (kind: string, slug: string) => `${kind}:${slug}`;
  const rows = await tagsByIdOrKey(
    db,
    idsOf(refs),
    refs.flatMap((r) => (r.slug ? [key(r.kind, r.slug)] : [])),
  );
  const ids = new Set(rows.map((r) => r.id));
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  return unique(
    refs.map((ref, i) => {
      const id = ref.id ? (ids.has(ref.id) ? ref.id : undefined) : byKey.get(key(ref.kind, ref.slug!));
      if (!id) throw notFound('Tag', ref.id ? { id: ref.id } : { kind: ref.kind, slug: ref.slug }, `${field}.${i}`);
      return id;
    }),
  );
}

/**
 * The ids of refs that are all given by id, with no lookup: the write's foreign keys check that
 * they exist, and explainMissingRefs() names the missing one when they refuse. null when a ref
 * is given by slug (then resolveAuthorIds or resolveTagIds). A UUID is case-insensitive.
 */
export function idsWithoutLookup(refs: { id?: string; slug?: string }[], field: string): string[] | null {
  assertOneKeyEach(refs, field);
  if (refs.some((r) => r.id == null)) return null;
  return unique(refs.map((r) => r.id!.toLowerCase()));
}

/**
 * After a write linking ids from idsWithoutLookup() was refused by a foreign key of
 * ArticleAuthor or ArticleTag: NOT_FOUND naming the missing entry, as the lookup would have;
 * nothing when all exist (one was deleted meanwhile: the write's own CONFLICT stands).
 */
export async function explainMissingRefs(
  db: Queryable,
  error: unknown,
  refs: { authors?: AuthorRefInput[]; tags?: TagRefInput[] },
  field: string,
): Promise<void> {
  const constraint = (error as { extensions?: Record<string, unknown> } | null)?.extensions?.['constraint'];
  if (typeof constraint !== 'string' || !/^Article(Author|Tag)_\w+_fkey$/.test(constraint)) return;
  await resolveAuthorIds(db, refs.authors ?? [], `${field}.authors`);
  await resolveTagIds(db, refs.tags ?? [], `${field}.tags`);
}

function assertOneKeyEach(refs: { id?: string; slug?: string }[], field: string): void {
  const both = refs.findIndex((r) => r.id != null && r.slug != null);
  if (both >= 0) throw new BadUserInputError('Give an id or a slug, not both', `${field}.${both}`);
}

function idsOf(refs: { id?: string }[]): string[] {
  return refs.flatMap((r) => (r.id ? [r.id] : []));
}

/** The same author or tag named twice (once by id, once by slug) counts once, where it first came. */
function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** NOT_FOUND naming the list entry, e.g. `input.authors.2`. */
export function notFound(entity: string, where: Record<string, unknown>, field: string): NotFoundError {
  const error = new NotFoundError(entity, where);
  error.extensions['field'] = field;
  return error;
}
