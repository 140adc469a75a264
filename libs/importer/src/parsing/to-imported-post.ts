import type { ImportedPost } from '@pressroom/content/import';
import type { ImportColumns } from '@pressroom/content/search-index';
import type { ParsedPost } from './parse-task.js';

/**
 * A parsed file as the content module's bulk writer takes it. `legacyPath`: the file's path
 * relative to the import root when it differs from its path in the site; a post identified
 * by its path may have been imported under that one before.
 */
export function toImportedPost(post: ParsedPost, columns: ImportColumns, legacyPath?: string): ImportedPost {
  const byPath = post.identity === post.sourcePath && legacyPath !== undefined;
  return {
    importKey: post.identity,
    ...(byPath ? { legacyKey: legacyPath } : {}),
    path: post.sourcePath,
    contentHash: post.contentHash,
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    bodyFormat: post.bodyFormat,
    status: post.status,
    publishedAt: post.publishedAt,
    lastModifiedAt: post.lastModifiedAt,
    language: post.language,
    sourceUrl: post.sourceUrl,
    authors: post.authors,
    tags: post.tags,
    redirects: post.redirects,
    columns,
  };
}
