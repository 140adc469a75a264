import path from 'node:path';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ImportLimits } from '../limits.js';
import { ArchiveBudget } from './archive-budget.js';
import { type RejectedEntry, SourceRejectedError } from './import-entry.js';
import { isPostFile, inSkippedFolder } from './post-files.js';
import { resolveInside, safeEntryPath } from './safe-entry-path.js';
import { isSiteConfig } from './site-root.js';
import { EntryTooLargeError, writeEntry, writeMarker } from './write-entry.js';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/**
 * Extracts the post files of a .zip under `root`, one entry at a time. Declared sizes are
 * checked before reading and actual sizes while reading (yauzl validates them too).
 */
export async function extractZip(
  file: string,
  root: string,
  limits: ImportLimits,
  name: string,
): Promise<RejectedEntry[]> {
  const zip = await openZip(file);
  const budget = new ArchiveBudget(limits, name);
  const rejected: RejectedEntry[] = [];
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new SourceRejectedError(
      `${name}: ${zip.entryCount} entries, more than ${limits.maxEntries}`,
      'TOO_MANY_ENTRIES',
    );
  }
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      budget.addEntry();
      const fileName = entryName(entry);
      if (fileName.endsWith('/')) continue;
      const problem = refusal(entry, limits);
      const safe = safeEntryPath(fileName);
      if ('error' in safe) rejected.push({ path: fileName, message: safe.error });
      else if (problem) rejected.push({ path: safe.path, message: problem });
      else if (isSiteConfig(path.posix.basename(safe.path)) && !inSkippedFolder(safe.path)) {
        await writeMarker(root, safe.path);
      } else if (isPostFile(safe.path) && !inSkippedFolder(safe.path)) {
        budget.checkRatio(entry.uncompressedSize, entry.compressedSize);
        const stream = await openEntry(zip, entry);
        try {
          await writeEntry(stream, root, safe.path, limits.maxEntryBytes, (n) => budget.addBytes(n));
        } catch (error) {
          if (!(error instanceof EntryTooLargeError)) throw error;
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
 * Names are decoded here, not by yauzl: yauzl fails the whole archive on one `../` name,
 * while we refuse that entry alone and import the rest. Zip writers use UTF-8 nowadays.
 */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  return typeof raw === 'string' ? raw : new TextDecoder('utf-8').decode(raw);
}

function refusal(entry: yauzl.Entry, limits: ImportLimits): string | null {
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode && mode !== S_IFREG) return mode === 0o120000 ? 'symbolic link refused' : 'special file refused';
  if (entry.uncompressedSize > limits.maxEntryBytes)
    return `entry larger than ${limits.maxEntryBytes} bytes uncompressed`;
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

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}
