import { importedSlugHolders, renameArticles, slugsTaken, type ImportTx } from './article-import.repository.js';
import { compareKeys, suffixCandidates, suffixedSlug } from './import-plan.js';
import type { ImportedPost } from './imported-post.js';

/**
 * Which of these articles the running import job has already written, and how. The importer
 * answers from its report, in the batch's transaction; without a job, none.
 */
export type JobWrites = (articleIds: string[]) => Promise<Map<string, 'CREATED' | 'UPDATED'>>;

export const noJobWrites: JobWrites = () => Promise.resolve(new Map());

/**
 * Among the articles one job creates that want one slug, the smallest identity keeps it, whatever
 * the order in which batches commit (issue 12): an article an earlier batch of this job created
 * with the slug and a larger identity than one of `posts` takes its own suffixed slug instead,
 * at the same version, as if the batches had run in identity
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
  const holders = await importedSlugHolders(
    tx,
    [...smallest.keys()],
    posts.map((p) => p.importKey),
  );
  const larger = holders.filter((h) => compareKeys(h.importKey, smallest.get(h.slug)!) > 0);
  if (!larger.length) return;
  const written = await jobWrites(larger.map((h) => h.id));
  const yielding = larger.filter((h) => written.get(h.id) === 'CREATED');
  if (!yielding.length) return;

  const candidates = yielding.flatMap((h) => suffixCandidates(h.slug, h.importKey));
  for (const { slug } of await slugsTaken(tx, candidates)) taken.add(slug);
  const slugs = yielding.map((h) => {
    taken.delete(h.slug);
    return suffixedSlug(h.slug, h.importKey, taken);
  });
  const ids = yielding.map((h) => h.id);
  // Created by this job, they have no revision to correct: their state is the row.
  await renameArticles(tx, ids, slugs);
}
