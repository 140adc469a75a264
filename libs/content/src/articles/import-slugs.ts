import { compareKeys, suffixCandidates, suffixedSlug } from './import-plan.js';
import type { ImportedPost } from './imported-post.js';
import { revisionSnapshotSql, storedLinks } from './revision-snapshot.js';

/** A pg client in a transaction. */
export type ImportTx = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Which of these articles the running import job has already written, and how. The importer
 * answers from its report, in the batch's transaction; without a job, none.
 */
export type JobWrites = (articleIds: string[]) => Promise<Map<string, 'CREATED' | 'UPDATED'>>;

export const noJobWrites: JobWrites = () => Promise.resolve(new Map());

interface Holder {
  id: string;
  slug: string;
  importKey: string;
  version: number;
}

/**
 * Among the articles one job creates that want one slug, the smallest identity keeps it, whatever
 * the order in which batches commit (issue 12): an article an earlier batch of this job created
 * with the slug and a larger identity than one of `posts` takes its own suffixed slug instead,
 * at the same version, its revision's snapshot corrected, as if the batches had run in identity
 * order. Articles that held a slug before the job keep it. `taken` follows the changes.
 */
export async function yieldContestedSlugs(
  tx: ImportTx,
  posts: ImportedPost[],
  taken: Set<string>,
  jobWrites: JobWrites,
): Promise<void> {
  const smallest = new Map<string, string>();
  for (const p of posts) {
    const current = smallest.get(p.slug);
    if (current === undefined || compareKeys(p.importKey, current) < 0) smallest.set(p.slug, p.importKey);
  }
  if (!smallest.size) return;
  const holders = (
    await tx.query(
      `SELECT id::text, slug, "importKey", version FROM "Article"
       WHERE slug = ANY($1::text[]) AND "importKey" IS NOT NULL AND NOT ("importKey" = ANY($2::text[]))`,
      [[...smallest.keys()], posts.map((p) => p.importKey)],
    )
  ).rows as Holder[];
  const larger = holders.filter((h) => compareKeys(h.importKey, smallest.get(h.slug)!) > 0);
  if (!larger.length) return;
  const written = await jobWrites(larger.map((h) => h.id));
  const yielding = larger.filter((h) => written.get(h.id) === 'CREATED');
  if (!yielding.length) return;

  const candidates = yielding.flatMap((h) => suffixCandidates(h.slug, h.importKey));
  const found = (await tx.query(`SELECT slug FROM "Article" WHERE slug = ANY($1::text[])`, [candidates])).rows;
  for (const { slug } of found as { slug: string }[]) taken.add(slug);
  const slugs = yielding.map((h) => {
    taken.delete(h.slug);
    return suffixedSlug(h.slug, h.importKey, taken);
  });
  const ids = yielding.map((h) => h.id);
  await tx.query(
    `UPDATE "Article" AS a SET slug = v.slug FROM unnest($1::uuid[], $2::text[]) AS v(id, slug) WHERE a.id = v.id`,
    [ids, slugs],
  );
  // The revision of that version is rebuilt from the row, as every snapshot is.
  await tx.query(
    `UPDATE "ArticleRevision" AS r SET snapshot = ${revisionSnapshotSql('a', storedLinks('a'))}
     FROM "Article" AS a, unnest($1::uuid[], $2::int[]) AS v(id, version)
     WHERE a.id = v.id AND r."articleId" = v.id AND r.version = v.version`,
    [ids, yielding.map((h) => h.version)],
  );
}
