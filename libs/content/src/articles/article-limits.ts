import { FRONTMATTER_LIMITS } from '@pressroom/frontmatter';

/** Bounds on what an editor may send; the body may be as large as an importable file. */
export const ARTICLE_LIMITS = {
  titleChars: 300,
  excerptChars: 2000,
  bodyChars: FRONTMATTER_LIMITS.maxBytes,
  urlChars: 2048,
  authors: 50,
  tags: 100,
} as const;
