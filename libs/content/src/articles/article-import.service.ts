import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  assignSlug,
  compareKeys,
  ownedBefore,
  planImport,
  suffixCandidates,
  type ExistingArticle,
  type ImportPlan,
} from './import-plan.js';
import { noJobWrites, yieldContestedSlugs, type JobWrites } from './import-slugs.js';
import type { ImportedPost, ImportedPostResult } from './imported-post.js';
import {
  articlesAtPaths,
  articlesByImportKey,
  bodiesByImportKey,
  lockImportKeys,
  slugsHeld,
  sourcePathsByImportKey,
  type ImportTx as Tx,
} from './article-import.repository.js';
import {
  insertArticles,
  linkAuthorsAndTags,
  storeReplacedStates,
  updateArticles,
  upsertRedirects,
  type ImportRow as Row,
} from './article-import-writes.repository.js';

/**
 * Writes a batch of imported posts with set-based SQL: a fixed number of statements per batch
 * (multi-row INSERT ... SELECT FROM unnest), never a round trip per post. Runs inside the
 * caller's transaction, so a batch and its import report commit together.
 */
@Injectable()
export class ArticleImportService {
  /**
   * The article imported from each of these paths, with the content hash it was imported with:
   * a re-import settles files whose bytes hash the same as unchanged, without parsing them, and
   * need not even hash a file whose path no article has.
   */
  async importedFromPaths(
    sql: Tx,
    paths: string[],
  ): Promise<Map<string, { articleId: string; contentHash: string | null }>> {
    if (!paths.length) return new Map();
    const found = await articlesAtPaths(sql, paths);
    return new Map(found.map((r) => [r.path, { articleId: r.id, contentHash: r.hash }]));
  }

  /**
   * The body stored by the article of each of these identities. Exporting an article writes
   * its body last, exactly as stored: a file that does not end with it is no export of it,
   * which the importer tells without serialising the article (see its settleExports()).
   */
  async storedBodies(sql: Tx, identities: string[]): Promise<Map<string, string>> {
    if (!identities.length) return new Map();
    const rows = await bodiesByImportKey(
      sql,
      identities,
      identities.filter((k) => UUID.test(k)),
    );
    return new Map(rows.map((r) => [r.importKey, r.body]));
  }

  /**
   * Of these files, each with the identity it parsed to, the ones a batch would skip now as
   * duplicates (see planImport()): their identity's article was imported from a smaller path.
   * Returns that path for each. A re-import settles a skipped file this way by its hash,
   * without parsing it again (issue 15).
   */
  async duplicatesOf(sql: Tx, files: { path: string; importKey: string }[]): Promise<Map<string, string>> {
    if (!files.length) return new Map();
    const rows = await sourcePathsByImportKey(sql, [...new Set(files.map((f) => f.importKey))]);
    const owners = new Map(rows.map((r) => [r.importKey, r.sourcePath]));
    const duplicates = new Map<string, string>();
    for (const { path, importKey } of files) {
      const owner = owners.get(importKey) ?? null;
      if (ownedBefore(owner, path)) duplicates.set(path, owner!);
    }
    return duplicates;
  }

  /**
   * Writes a batch of one job. `jobWrites` tells which articles the job wrote in earlier batches:
   * what those batches decided is redone as if they had run in order (a takeover rewrites the
   * article at its version, a contested slug goes to the smallest identity), so the articles are
   * a function of the files alone, whatever the order, concurrency or retries of the batches.
   */
  async importBatch(
    tx: Tx,
    posts: ImportedPost[],
    actor: string,
    jobWrites: JobWrites = noJobWrites,
  ): Promise<ImportedPostResult[]> {
    if (!posts.length) return [];
    await lockKeys(tx, posts);
    const existing = await findExisting(tx, posts);
    const plan = planImport(posts, existing);
    const results: ImportedPostResult[] = [...plan.settled];
    const taken = await takenSlugs(tx, [...plan.creates, ...plan.updates.map((u) => u.post)], existing);
    const ownWrites = await jobWrites(plan.updates.map((u) => u.existing.id));
    const isRewrite = (u: ImportPlan['updates'][number]) => ownWrites.has(u.existing.id);

    const updates: Row[] = plan.updates
      .filter((u) => !isRewrite(u))
      .map(({ post, existing: current }) => {
        const { slug, warning } = assignSlug(post, taken, current.slug);
        results.push(updated(post, current, warning));
        return { id: current.id, post, slug };
      });
    // New to the table, or new in this job: slugs handed out in identity order.
    const fresh = [
      ...plan.creates.map((post) => ({ post, current: undefined })),
      ...plan.updates.filter(isRewrite).map(({ post, existing: current }) => ({ post, current })),
    ].sort((a, b) => compareKeys(a.post.importKey, b.post.importKey));
    await yieldContestedSlugs(
      tx,
      fresh.map((f) => f.post),
      taken,
      jobWrites,
    );
    const creates: Row[] = [];
    const rewrites: Row[] = [];
    for (const { post, current } of fresh) {
      const { slug, warning } = assignSlug(post, taken);
      if (current) {
        results.push(updated(post, current, warning));
        rewrites.push({ id: current.id, post, slug });
      } else {
        const id = randomUUID();
        results.push({ path: post.path, outcome: 'CREATED', articleId: id, warnings: warning ? [warning] : [] });
        creates.push({ id, post, slug });
      }
    }
    const written = [...updates, ...rewrites, ...creates];
    if (!written.length) return results;

    // A rewrite within the job replaces a version this job made: no state of its own to keep.
    await storeReplacedStates(tx, updates);
    await insertArticles(tx, creates, actor);
    await updateArticles(tx, updates, 1, actor);
    await updateArticles(tx, rewrites, 0, actor);
    await linkAuthorsAndTags(tx, written);
    await upsertRedirects(tx, written);
    return results;
  }
}

function updated(post: ImportedPost, current: ExistingArticle, warning?: string): ImportedPostResult {
  // Another file of the same identity owned the article; one found under its older identity did not.
  const sameIdentity = current.importKey === post.importKey;
  const tookOverFrom =
    sameIdentity && current.sourcePath && current.sourcePath !== post.path ? { tookOverFrom: current.sourcePath } : {};
  return {
    path: post.path,
    outcome: 'UPDATED',
    articleId: current.id,
    warnings: warning ? [warning] : [],
    ...tookOverFrom,
  };
}

/** Serialises batches that touch the same identities or slugs (two concurrent imports of one folder). */
async function lockKeys(tx: Tx, posts: ImportedPost[]): Promise<void> {
  const keys = [...new Set(posts.flatMap((p) => [`key:${p.importKey}`, `slug:${p.slug}`]))];
  await lockImportKeys(tx, keys);
}

/**
 * The article each post updates, by its identity; else by the identity older imports gave it
 * (legacyKey); else, for an id that is an article's own (an export of an article written in
 * the editor), that article. Keyed by the post's importKey; a row's importKey says which.
 */
async function findExisting(tx: Tx, posts: ImportedPost[]): Promise<Map<string, ExistingArticle>> {
  const keys = [...new Set(posts.flatMap((p) => (p.legacyKey ? [p.importKey, p.legacyKey] : [p.importKey])))];
  const rows = await articlesByImportKey(
    tx,
    keys,
    keys.filter((k) => UUID.test(k)),
  );
  const byKey = new Map(rows.map((r) => [r.importKey, r]));
  const existing = new Map<string, ExistingArticle>();
  for (const post of posts) {
    const found = byKey.get(post.importKey) ?? (post.legacyKey ? byKey.get(post.legacyKey) : undefined);
    if (found) existing.set(post.importKey, found);
  }
  return existing;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Slugs (plain and suffixed candidates) that other articles already hold. */
async function takenSlugs(tx: Tx, posts: ImportedPost[], existing: Map<string, ExistingArticle>): Promise<Set<string>> {
  const candidates = posts.flatMap((p) => [p.slug, ...suffixCandidates(p.slug, p.importKey)]);
  const rows = await slugsHeld(tx, candidates);
  const own = new Set(posts.map((p) => existing.get(p.importKey)?.importKey).filter(Boolean));
  return new Set(rows.filter((r) => !r.importKey || !own.has(r.importKey)).map((r) => r.slug));
}
