import { SourceRejectedError } from './import-entry.js';

/**
 * An error met while reading an archive, as the import reports it: gunzip, inflate and the
 * tar and zip parsers' complaints mean the archive is truncated or corrupt (BAD_ARCHIVE); file
 * system errors (a code such as ENOSPC) stay what they are.
 */
export function asArchiveError(error: unknown, name: string): unknown {
  // Duck-typed: errors from Node's internals may come from another realm (under jest).
  if (error instanceof SourceRejectedError || typeof error !== 'object' || error === null) return error;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const fromArchive = typeof code !== 'string' || code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE';
  if (!fromArchive) return error;
  return new SourceRejectedError(`${name}: truncated or corrupt archive: ${String(message)}`, 'BAD_ARCHIVE');
}
