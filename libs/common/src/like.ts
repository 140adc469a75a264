/**
 * `text` as a LIKE/ILIKE pattern that matches it literally: `%`, `_` and the escape character
 * `\` (PostgreSQL's default, which Prisma's `contains` also relies on) are escaped. Every
 * `contains` on user text goes through it, or `nameContains: "%"` matches everything.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
