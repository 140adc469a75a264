const MAX_SLUG_CHARS = 120;
// Apostrophes vanish instead of splitting words: "Linkerd's" -> "linkerds".
const APOSTROPHES = /['’‘`´]/g;
// Marks stay so scripts written with combining signs (Devanagari, Thai) keep their words.
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;
const EDGE_DASHES = /^-+|-+$/g;

/**
 * URL slug that keeps Unicode letters and digits (Chinese stays Chinese): NFKC, lower case,
 * anything else becomes one `-`, at most 120 characters; `''` when nothing is left.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, '-')
    .replace(EDGE_DASHES, '');
  if (slug.length <= MAX_SLUG_CHARS) return slug;
  return Array.from(slug).slice(0, MAX_SLUG_CHARS).join('').replace(EDGE_DASHES, '');
}
