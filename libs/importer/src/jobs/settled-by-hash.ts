import { duplicateWarning, type ImportedPost, type ImportedPostResult } from '@pressroom/content/import';
import type { HashTaskResult } from '../parsing/parse-task.js';
import type { DuplicateFile } from './duplicate-files.repository.js';
import type { ItemRecord } from './import-counts.js';

/**
 * A hashed file's outcome when its hash settles it, else null (it is parsed): UNCHANGED when
 * its article was imported from its path with that hash; SKIPPED, with the warnings it had,
 * when it was skipped before with that hash as a copy of the identity whose article `owners`
 * says is still imported from a smaller path (see ArticleImportService.duplicatesOf()).
 */
export function settledByHash(
  file: HashTaskResult[number],
  imported: Map<string, { articleId: string; contentHash: string | null }>,
  skippedBefore: Map<string, DuplicateFile>,
  owners: Map<string, string>,
): ItemRecord | null {
  if ('unreadable' in file) return failedItem(file.path, null, file.unreadable);
  const settled = { path: file.path, line: null, message: null };
  const article = imported.get(file.path);
  if (article) {
    if (article.contentHash !== file.contentHash) return null;
    return { ...settled, outcome: 'UNCHANGED', articleId: article.articleId, warnings: [] };
  }
  const owner = owners.get(file.path);
  const before = skippedBefore.get(file.path);
  if (owner === undefined || !before) return null;
  const warning = { line: null, message: duplicateWarning(before.importKey, owner) };
  return { ...settled, outcome: 'SKIPPED', articleId: null, warnings: [...before.warnings, warning] };
}

/** The files a batch's write skipped as duplicates: settled by hash next time. */
export function skippedFiles(
  posts: ImportedPost[],
  results: ImportedPostResult[],
  parseWarnings: Map<string, ItemRecord['warnings']>,
): DuplicateFile[] {
  const skipped = new Set(results.filter((r) => r.outcome === 'SKIPPED').map((r) => r.path));
  return posts
    .filter((p) => skipped.has(p.path))
    .map((p) => ({
      path: p.path,
      contentHash: p.contentHash,
      importKey: p.importKey,
      warnings: parseWarnings.get(p.path) ?? [],
    }));
}

export function failedItem(path: string, line: number | null, message: string): ItemRecord {
  return { path, outcome: 'FAILED', articleId: null, line, message, warnings: [] };
}
