export type FrontMatter = Record<string, unknown>;

/** Trimmed text of a scalar header value; null for empty, missing or structured values. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** `true`/`false` as YAML, TOML, JSON or a quoted string writes them; null otherwise. */
export function asFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return null;
}

/** True when the header has the key with something in it (null and '' count as absent). */
export function isGiven(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

/** The `name` of an object entry (`authors: [{ name: Ada }]`). */
export function nameOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  return asText((item as Record<string, unknown>)['name']);
}
