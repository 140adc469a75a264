import { BadUserInputError } from './errors.js';

/** Opaque cursors: base64url of a JSON array of the sort key values of one row. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * The values of a cursor: a JSON array of strings, finite numbers and nulls, as encodeCursor
 * writes them. Anything else (a forged `"2020"`, an object, a NUL) is BAD_USER_INPUT naming
 * `field`; what each value must be is the ordering's to check (cursorValueFits).
 */
export function decodeCursor(cursor: string, field = 'after'): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  if (!Array.isArray(values) || !values.every(isCursorScalar)) {
    throw new BadUserInputError(`Invalid cursor in "${field}"`, field);
  }
  return values;
}

/** The kinds of value a cursor carries, named after the PostgreSQL type each is compared as. */
export type CursorValueKind = 'text' | 'uuid' | 'timestamptz' | 'int4' | 'float8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What Date#toISOString writes for years 0-9999; PostgreSQL cannot read its +YYYYYY form.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INT4_MAX = 2 ** 31 - 1;

/** Whether a decoded cursor value can be compared as `kind` (null is the ordering's to allow). */
export function cursorValueFits(kind: CursorValueKind, value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamptz':
      return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
    case 'int4':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= INT4_MAX;
    case 'float8':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

// PostgreSQL text refuses NUL, and UTF-8 cannot hold a lone surrogate (JSON can: "\ud800").
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isCursorScalar(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && !UNSTORABLE.test(value);
}
