import { createHash } from 'node:crypto';
import type { ImportedPost, ImportedPostResult } from './imported-post.js';

export interface ExistingArticle {
  id: string;
  importKey: string;
  contentHash: string | null;
  sourcePath: string | null;
  slug: string;
}

export interface ImportPlan {
  creates: ImportedPost[];
  updates: { post: ImportedPost; existing: ExistingArticle }[];
  /** Unchanged and skipped posts: nothing to write. */
  settled: ImportedPostResult[];
}

/**
 * Decides, without writing, what each post of a batch does. Several files may share an
 * identity (one article scraped twice): the one with the smallest path owns the article, so
 * the result does not depend on the order in which batches or workers run.
 */
export function planImport(posts: ImportedPost[], existing: Map<string, ExistingArticle>): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], settled: [] };
  const owners = new Map<string, ImportedPost>();
  for (const post of [...posts].sort((a, b) => compare(a.path, b.path))) {
    const owner = owners.get(post.importKey);
    if (owner) {
      plan.settled.push(duplicate(post, owner.path));
      continue;
    }
    owners.set(post.importKey, post);
    const current = existing.get(post.importKey);
    if (!current) plan.creates.push(post);
    // Found under another identity (an older one of the same post): this file takes it over.
    else if (current.importKey !== post.importKey) plan.updates.push({ post, existing: current });
    else if (ownedBefore(current.sourcePath, post.path)) {
      plan.settled.push(duplicate(post, current.sourcePath!));
    } else if (current.contentHash === post.contentHash && current.sourcePath === post.path) {
      plan.settled.push({ path: post.path, outcome: 'UNCHANGED', articleId: current.id, warnings: [] });
    } else plan.updates.push({ post, existing: current });
  }
  return plan;
}

function duplicate(post: ImportedPost, ownerPath: string): ImportedPostResult {
  return {
    path: post.path,
    outcome: 'SKIPPED',
    articleId: null,
    warnings: [duplicateWarning(post.importKey, ownerPath)],
  };
}

/**
 * Whether a file at `path` is a duplicate of the article of its identity, imported from
 * `ownerPath`: a smaller path owns an identity, whichever file was imported first.
 */
export function ownedBefore(ownerPath: string | null, path: string): boolean {
  return ownerPath !== null && ownerPath !== '' && ownerPath !== path && compare(ownerPath, path) < 0;
}

/** Why a file of an identity another file owns was skipped. */
export function duplicateWarning(importKey: string, ownerPath: string): string {
  return `same identity (${importKey}) as ${ownerPath}, which is imported instead`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A slug suffix derived from the post's identity, so the same post always gets the same one. */
export function slugSuffix(importKey: string, length = 6): string {
  return createHash('sha1').update(importKey).digest('hex').slice(0, length);
}

/**
 * Picks a free slug for each post: its own when free, else `<slug>-<hash of identity>`. Posts
 * new to the article table are given theirs in identity order (see yieldContestedSlugs()).
 * `taken` holds slugs used by other articles; it is updated as slugs are handed out.
 */
export function assignSlug(
  post: ImportedPost,
  taken: Set<string>,
  current?: string,
): { slug: string; warning?: string } {
  if (current && (current === post.slug || taken.has(post.slug))) {
    taken.add(current);
    return { slug: current };
  }
  if (!taken.has(post.slug)) {
    taken.add(post.slug);
    return { slug: post.slug };
  }
  const slug = suffixedSlug(post.slug, post.importKey, taken);
  return { slug, warning: `slug "${post.slug}" is taken by another article; using "${slug}"` };
}

/** `<slug>-<hash of identity>`, the hash lengthened until the result is free; marks it taken. */
export function suffixedSlug(slug: string, importKey: string, taken: Set<string>): string {
  for (let length = 6; length <= 40; length += 2) {
    const candidate = `${slug}-${slugSuffix(importKey, length)}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
  throw new Error(`no free slug for ${importKey}`);
}

/** Slugs `suffixedSlug()` tries first for this identity: the ones worth looking up. */
export function suffixCandidates(slug: string, importKey: string): string[] {
  return [`${slug}-${slugSuffix(importKey)}`, `${slug}-${slugSuffix(importKey, 8)}`];
}

/** The total order identities are settled in (code units, as the database's "C" collation). */
export function compareKeys(a: string, b: string): number {
  return compare(a, b);
}
