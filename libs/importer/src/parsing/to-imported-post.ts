import type { ImportedPost } from '@pressroom/content';
import type { ImportColumns } from '@pressroom/content/search-index';
import type { ParsedPost } from './parse-task.js';

/** A parsed file as the content module's bulk writer takes it. */
export function toImportedPost(post: ParsedPost, columns: ImportColumns): ImportedPost {
  return {
    importKey: post.identity,
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
