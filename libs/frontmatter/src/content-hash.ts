import { createHash } from 'node:crypto';

// Bump when a change to the parser changes what the same bytes normalise to, so
// re-imports notice and update the stored rows.
const PARSER_VERSION = 1;

/** sha256 of the raw bytes and of every option that changes the parse result. */
export function contentHash(bytes: Uint8Array, path: string, timeZone: string, defaultStatus: string): string {
  return createHash('sha256')
    .update(bytes)
    .update(`\u0000${PARSER_VERSION}\u0000${path}\u0000${timeZone}\u0000${defaultStatus}`)
    .digest('hex');
}
