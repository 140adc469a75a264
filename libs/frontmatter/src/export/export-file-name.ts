import type { BodyFormat } from '../types.js';

/**
 * Jekyll layout: published and dated -> `_posts/YYYY-MM-DD-<slug>.<ext>` (UTC date);
 * drafts, archived and undated -> `_drafts/<slug>.<ext>`. Given `status: 'PUBLISHED'`, an
 * undated article is a page, `_pages/<slug>.<ext>`, so re-importing it keeps it published
 * without adding a `published: true` key to its header.
 */
export function exportFileName(article: {
  slug: string;
  publishedAt: Date | null;
  bodyFormat: BodyFormat;
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
}): string {
  const extension = article.bodyFormat === 'HTML' ? 'html' : 'md';
  const slug = article.slug.replace(/[/\\]/g, '-') || 'untitled';
  const published = article.status === undefined || article.status === 'PUBLISHED';
  if (article.publishedAt === null && article.status === 'PUBLISHED') return `_pages/${slug}.${extension}`;
  if (!published || article.publishedAt === null) return `_drafts/${slug}.${extension}`;
  return `_posts/${article.publishedAt.toISOString().slice(0, 10)}-${slug}.${extension}`;
}
