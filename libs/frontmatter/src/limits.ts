/**
 * Bounds on what one file may cost to parse. Files past them fail with a located error
 * instead of exhausting memory or the stack of an import worker.
 */
export const FRONTMATTER_LIMITS: Readonly<{
  maxBytes: number;
  maxFieldChars: number;
  maxDepth: number;
  maxAliasCount: number;
  maxListItems: number;
}> = {
  maxBytes: 5 * 1024 * 1024,
  maxFieldChars: 64 * 1024,
  maxDepth: 32,
  maxAliasCount: 100,
  maxListItems: 10_000,
};
