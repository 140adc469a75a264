import { FRONTMATTER_LIMITS } from '../limits.js';
import { ParseError } from '../parse-error.js';

/**
 * Rejects headers whose brackets nest past the depth limit before a parser sees them:
 * the YAML parser exhausts memory (an uncatchable crash) on ~100k nested `[`.
 * Counting ignores quoting, which only matters for prose with dozens of unclosed brackets.
 */
export function assertFlowNesting(header: string, headerLine: number): void {
  let depth = 0;
  let line = headerLine;
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > FRONTMATTER_LIMITS.maxDepth) {
        throw new ParseError(
          'TOO_DEEP',
          line,
          `front matter is nested more than ${FRONTMATTER_LIMITS.maxDepth} levels deep`,
        );
      }
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
}
