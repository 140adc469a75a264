import { ConflictError } from '@pressroom/common';
import { Prisma } from '@pressroom/database';
import { slugify } from '@pressroom/frontmatter';

/**
 * What a slug may be: lower-case letters (any script, so Chinese stays Chinese), digits and
 * combining marks, in words joined by single dashes. Exactly what `slugify` (the import's
 * function) produces, so an imported slug can always be sent back unchanged.
 */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}]+)*$/u;
export const MAX_SLUG_LENGTH = 200;

/** The slug `text` would get, or `fallback` when nothing readable is left (a title of emoji). */
export function baseSlug(text: string, fallback: string): string {
  return slugify(text) || fallback;
}

/** `base` when free, else the first free of `base-2`, `base-3`, ... (as Ghost and WordPress do). */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Which slugs of a table match a filter (one query on its slug column). */
export type SlugLookup = (filter: { in: string[] } | { startsWith: string }) => Promise<{ slug: string }[]>;

// Exact candidates use the unique index; the prefix scan is only for a base taken this often.
const EXACT_CANDIDATES = 20;

/** A free slug made from `text`: readable, numbered (-2, -3, ...) when the plain one is taken. */
export async function freeSlug(text: string, fallback: string, lookup: SlugLookup): Promise<string> {
  const base = baseSlug(text, fallback);
  const candidates = [base, ...Array.from({ length: EXACT_CANDIDATES - 1 }, (_, i) => `${base}-${i + 2}`)];
  const taken = await lookup({ in: candidates });
  if (taken.length < candidates.length) return firstFreeSlug(base, new Set(taken.map((r) => r.slug)));
  const numbered = await lookup({ startsWith: `${base}-` });
  return firstFreeSlug(base, new Set([base, ...numbered.map((r) => r.slug)]));
}

/**
 * How many times a write with a generated slug is tried: each round of writers racing for one
 * candidate lets exactly one through, so twenty concurrent creations need at most twenty rounds.
 */
export const GENERATED_SLUG_ATTEMPTS = 25;

/**
 * Runs a write that generates a slug again when a concurrent write took the same one first (the
 * unique index refused it, as Prisma's P2002 or a CONFLICT naming the constraint); the next
 * attempt sees that slug taken and numbers past it. The one retry loop for every slug we make.
 */
export async function retryOnTakenSlug<T>(
  generated: boolean,
  work: () => Promise<T>,
  attempts = GENERATED_SLUG_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!generated || !isTakenSlug(error) || attempt >= attempts) throw error;
    }
  }
}

/** Whether `error` is a unique slug index refusing a write (Prisma's P2002, or a CONFLICT naming it). */
export function isTakenSlug(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  const constraint = (error as { extensions?: Record<string, unknown> } | null)?.extensions?.['constraint'];
  return typeof constraint === 'string' && constraint.endsWith('_slug_key');
}

/** CONFLICT naming `field`: another `holder` has `slug`. One wording for the check before a write and the index refusing it. */
export function slugTaken(slug: string, field: string, holder: 'article' | 'author' = 'article'): ConflictError {
  return new ConflictError(`The slug "${slug}" is taken by another ${holder}`, { field, slug });
}
