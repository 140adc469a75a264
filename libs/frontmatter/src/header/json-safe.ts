import type { Warn } from '../context.js';
import { FRONTMATTER_LIMITS } from '../limits.js';
import { ParseError } from '../parse-error.js';

/** File line of a top-level key (the one a nested problem sits under), when it can be told. */
export type LocateKey = (topKey: string) => number | null;

interface Walk {
  locate: LocateKey;
  warn: Warn;
}

/**
 * Copies a parsed header into plain JSON values (dates as ISO strings, big integers as
 * strings, no NUL characters, which escapes like "\0" can produce) while enforcing the
 * depth, length and size limits, so the result can go straight into a JSON column.
 */
export function toJsonSafe(root: object, locate: LocateKey, warn: Warn): Record<string, unknown> {
  return copyObject(root, 1, null, { locate, warn });
}

function convert(value: unknown, depth: number, topKey: string, walk: Walk): unknown {
  switch (typeof value) {
    case 'string':
      if (value.length > FRONTMATTER_LIMITS.maxFieldChars) {
        throw new ParseError(
          'FIELD_TOO_LONG',
          walk.locate(topKey),
          `a value under "${topKey}" is ${value.length} characters, more than the ${FRONTMATTER_LIMITS.maxFieldChars} allowed`,
        );
      }
      return withoutNul(value, topKey, walk);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'object':
      if (value === null) return null;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      if (Array.isArray(value)) return copyArray(value, depth + 1, topKey, walk);
      return copyObject(value, depth + 1, topKey, walk);
    case 'undefined':
      return null;
    default:
      return String(value);
  }
}

function copyArray(items: unknown[], depth: number, topKey: string, walk: Walk): unknown[] {
  checkSize(items.length, depth, topKey, walk.locate);
  const out = new Array<unknown>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = convert(items[i], depth, topKey, walk);
  return out;
}

function copyObject(source: object, depth: number, topKey: string | null, walk: Walk): Record<string, unknown> {
  const keys = Object.keys(source);
  checkSize(keys.length, depth, topKey ?? keys[0] ?? '', walk.locate);
  const out: Record<string, unknown> = {};
  for (const rawKey of keys) {
    const owner = topKey ?? rawKey;
    if (rawKey.length > FRONTMATTER_LIMITS.maxFieldChars) {
      throw new ParseError('FIELD_TOO_LONG', walk.locate(owner), `a key under "${owner.slice(0, 40)}…" is too long`);
    }
    const key = withoutNul(rawKey, owner, walk);
    const value = convert((source as Record<string, unknown>)[rawKey], depth, owner, walk);
    // A "__proto__" key is data here; plain assignment would change the prototype instead.
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[key] = value;
    }
  }
  return out;
}

function withoutNul(text: string, topKey: string, walk: Walk): string {
  if (!text.includes('\u0000')) return text;
  walk.warn(walk.locate(topKey), `NUL characters removed from "${topKey.replaceAll('\u0000', '')}"`);
  return text.replaceAll('\u0000', '');
}

function checkSize(count: number, depth: number, topKey: string, locate: LocateKey): void {
  if (depth > FRONTMATTER_LIMITS.maxDepth) {
    throw new ParseError(
      'TOO_DEEP',
      locate(topKey),
      `front matter under "${topKey}" is nested more than ${FRONTMATTER_LIMITS.maxDepth} levels deep`,
    );
  }
  if (count > FRONTMATTER_LIMITS.maxListItems) {
    throw new ParseError(
      'TOO_MANY_ITEMS',
      locate(topKey),
      `a list or map under "${topKey}" has ${count} entries, more than the ${FRONTMATTER_LIMITS.maxListItems} allowed`,
    );
  }
}
