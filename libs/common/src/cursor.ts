import { BadUserInputError } from './errors.js';

/** Opaque cursors: base64url of a JSON array of the sort key values of one row. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) return values;
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(`Invalid cursor in "${field}"`, field);
}
