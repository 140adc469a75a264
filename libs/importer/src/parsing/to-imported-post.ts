import type { ImportedPost } from '@pressroom/content';
import type { SearchDocument } from '@pressroom/content/search-index';
import type { NormalisedPost } from '@pressroom/frontmatter';

/** A parsed file as the content module's bulk writer takes it. */
export function toImportedPost(post: NormalisedPost, search?: SearchDocument): ImportedPost {
  return {
    importKey: post.identity,
    path: post.sourcePath,
    contentHash: post.contentHash,
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    body: post.body,
    bodyFormat: post.bodyFormat,
    html: post.html,
    status: post.status,
    publishedAt: post.publishedAt,
    lastModifiedAt: post.lastModifiedAt,
    language: post.language,
    sourceUrl: post.sourceUrl,
    frontMatter: post.frontMatter,
    authors: post.authors,
    tags: post.tags,
    redirects: post.redirects,
    search,
  };
}
