// Half of a surrogate pair without its other half (String#isWellFormed is ES2024, past our lib).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be stored or compared by PostgreSQL, or null when it can: text and jsonb
 * refuse NUL, and UTF-8 has no encoding for half of a surrogate pair.
 */
export function checkedString(value: string): string | null {
  if (value.includes('\0')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone UTF-16 surrogate';
  return null;
}

/** The same for every string and key of a JSON value; iterative, so any depth is safe. */
export function checkedJson(value: unknown): string | null {
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'string') {
      const problem = checkedString(next);
      if (problem) return problem;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next && typeof next === 'object') {
      for (const [key, item] of Object.entries(next)) {
        const problem = checkedString(key);
        if (problem) return `has a key that ${problem}`;
        pending.push(item);
      }
    }
  }
  return null;
}
