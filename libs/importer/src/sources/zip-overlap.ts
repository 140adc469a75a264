import { SourceRejectedError } from './import-entry.js';

/** A local file header before the name: signature, versions, flags, sizes, ... (APPNOTE 4.3.7). */
const LOCAL_HEADER_BYTES = 30;

/** What the central directory says about where an entry lies. */
export interface EntryExtent {
  relativeOffsetOfLocalHeader: number;
  fileNameLength: number;
  compressedSize: number;
}

/**
 * Refuses a zip whose entries share bytes: each entry's local header, name and compressed data
 * must end before the next entry's header starts. A well-formed zip never overlaps; a
 * "non-recursive zip bomb" (Fifield, 2019) points many entries at one deflate stream, so the
 * output grows with the square of the archive. The span counted is the least each entry must
 * take (its local extra field and data descriptor only add to it), so no honest zip is refused.
 */
export function assertNoOverlap(entries: readonly EntryExtent[], archiveBytes: number, name: string): void {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let end = 0;
  for (const entry of sorted) {
    const start = entry.relativeOffsetOfLocalHeader;
    if (start < end) {
      throw new SourceRejectedError(`${name}: entries overlap at byte ${start} (a zip bomb?)`, 'OVERLAPPING_ENTRIES');
    }
    end = start + LOCAL_HEADER_BYTES + entry.fileNameLength + entry.compressedSize;
    if (end > archiveBytes) {
      throw new SourceRejectedError(`${name}: an entry's data runs past the end of the archive`, 'BAD_ARCHIVE');
    }
  }
}
