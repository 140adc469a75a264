import { parse, TomlDate, TomlError } from 'smol-toml';
import type { Warn } from '../context.js';
import { FRONTMATTER_LIMITS } from '../limits.js';
import { ParseError } from '../parse-error.js';
import { lineLocator } from '../source/lines.js';
import { assertFlowNesting } from './flow-nesting.js';
import { toJsonSafe } from './json-safe.js';
import type { ParsedHeader } from './parsed-header.js';

export function parseTomlHeader(header: string, headerLine: number, warn: Warn): ParsedHeader {
  assertFlowNesting(header, headerLine);
  let table: Record<string, unknown>;
  try {
    table = parse(header, {
      integersAsBigInt: 'asNeeded',
      maxDepth: FRONTMATTER_LIMITS.maxDepth + 1,
    });
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const line = headerLine - 1 + e.line;
    const reason = (e.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
    if (/nested/i.test(reason)) throw new ParseError('TOO_DEEP', line, `front matter is ${reason}`);
    throw new ParseError('INVALID_TOML', line, `invalid TOML front matter: ${reason} (column ${e.column})`);
  }
  const lineAt = lineLocator(header);
  const lines = new Map<string, number | null>();
  // Memoised: mappers warn once per list item, and each lookup scans the header.
  const lineOf = (key: string): number | null => {
    let line = lines.get(key);
    if (line === undefined) {
      const match = keyPattern(key, '=').exec(header);
      line = match ? headerLine - 1 + lineAt(match.index) : null;
      lines.set(key, line);
    }
    return line;
  };
  keepRawDates(table, header);
  return { data: toJsonSafe(table, lineOf, warn), lineOf };
}

/**
 * smol-toml rolls impossible dates over (2021-02-30 -> 2021-03-02). Top-level dates are
 * replaced by the text as written, so the date mapper can reject them and frontMatter
 * keeps what the author typed.
 */
function keepRawDates(table: Record<string, unknown>, header: string): void {
  const topLevel = header.split(/^[ \t]*\[/m, 1)[0] ?? '';
  for (const key of Object.keys(table)) {
    if (!(table[key] instanceof TomlDate)) continue;
    const match = keyPattern(key, '=[ \\t]*([0-9][0-9:.Tt Zz+-]*)').exec(topLevel);
    const raw = match?.[1]?.trim();
    if (raw) table[key] = raw;
  }
}

function keyPattern(key: string, after: string): RegExp {
  const k = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^[ \\t]*(?:${k}|"${k}"|'${k}')[ \\t]*${after}`, 'm');
}
