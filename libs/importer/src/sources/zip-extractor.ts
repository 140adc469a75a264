import path from 'node:path';
import { stat, unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { asArchiveError } from './archive-error.js';
import { type RejectedEntry, SourceRejectedError } from './import-entry.js';
import { isPostFile, inSkippedFolder } from './post-files.js';
import { resolveInside, safeEntryPath } from './safe-entry-path.js';
import { isSiteConfig } from './site-root.js';
import type { StagingContext } from './staging-context.js';
import { EntryTooLargeError, writeEntry, writeMarker } from './write-entry.js';
import { assertNoOverlap } from './zip-overlap.js';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const UTF8_FLAG = 0x800;

/**
 * Extracts the post files of a .zip under `root`. The whole central directory is read first:
 * entries whose data overlap are refused before anything is written (issue 10: a 91 KB zip of
 * 40 entries sharing one deflate stream wrote 668 MB). Declared sizes are checked before
 * reading, actual sizes while reading (yauzl validates them too), and the archive's output
 * against its own size (many small entries each below the per-entry grace).
 */
export async function extractZip(
  file: string,
  root: string,
  staging: StagingContext,
  name: string,
): Promise<RejectedEntry[]> {
  const { limits, budget, paths } = staging;
  const zip = await openZip(file);
  const rejected: RejectedEntry[] = [];
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new SourceRejectedError(
        `${name}: ${zip.entryCount} entries, more than ${limits.maxEntries}`,
        'TOO_MANY_ENTRIES',
      );
    }
    const entries: yauzl.Entry[] = [];
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      budget.addEntry(name);
      entries.push(entry);
    }
    assertNoOverlap(entries, zip.fileSize, name);
    const archiveBytes = (await stat(file)).size;
    let written = 0;
    const count = (n: number) => {
      budget.addBytes(name, n);
      budget.checkRatio(name, (written += n), archiveBytes);
    };
    for (const entry of entries) {
      const fileName = entryName(entry);
      if (fileName.endsWith('/')) continue;
      const problem = refusal(entry, limits.maxEntryBytes);
      const safe = safeEntryPath(fileName);
      if ('error' in safe) rejected.push({ path: fileName, message: safe.error });
      else if (problem) rejected.push({ path: safe.path, message: problem });
      else if (isSiteConfig(path.posix.basename(safe.path)) && !inSkippedFolder(safe.path)) {
        await writeMarker(root, safe.path);
      } else if (isPostFile(safe.path) && !inSkippedFolder(safe.path)) {
        budget.checkRatio(name, entry.uncompressedSize, entry.compressedSize);
        paths.claim(name, staging.root, resolveInside(root, safe.path));
        const stream = await openEntry(zip, entry, name);
        try {
          await writeEntry(stream, root, safe.path, limits.maxEntryBytes, count);
        } catch (error) {
          if (!(error instanceof EntryTooLargeError)) throw asArchiveError(error, name);
          await unlink(resolveInside(root, safe.path)).catch(() => undefined);
          rejected.push({ path: safe.path, message: error.message });
        }
      }
    }
  } finally {
    zip.close();
  }
  return rejected;
}

/**
 * Names are decoded here, not by yauzl: yauzl fails the whole archive on one `../` name, while
 * we refuse that entry alone. UTF-8 when flagged or when the bytes are valid UTF-8 (most
 * writers use it without saying so); otherwise the spec's CP437, so two names in a legacy code
 * page do not both decode to U+FFFD and collide.
 */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  if (!(entry.generalPurposeBitFlag & UTF8_FLAG)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      // not UTF-8: decoded below as the header says
    }
  }
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
}

function refusal(entry: yauzl.Entry, maxEntryBytes: number): string | null {
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode && mode !== S_IFREG) return mode === 0o120000 ? 'symbolic link refused' : 'special file refused';
  if (entry.uncompressedSize > maxEntryBytes) return `entry larger than ${maxEntryBytes} bytes uncompressed`;
  return null;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false },
      (error, zip) =>
        error
          ? reject(new SourceRejectedError(`not a readable zip archive: ${error.message}`, 'BAD_ARCHIVE'))
          : resolve(zip),
    ),
  );
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
    zip.once('entry', (entry: yauzl.Entry) => (cleanup(), resolve(entry)));
    zip.once('end', () => (cleanup(), resolve(null)));
    zip.once(
      'error',
      (error: Error) => (
        cleanup(),
        reject(new SourceRejectedError(`broken zip archive: ${error.message}`, 'BAD_ARCHIVE'))
      ),
    );
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(asArchiveError(error, name)) : resolve(stream))),
  );
}
