import path from 'node:path';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
// streamx entries behave as Node Readables for everything used here.
type TarEntry = Readable & { header: { name: string; type?: string | null; size?: number } };
import { asArchiveError } from './archive-error.js';
import { type RejectedEntry } from './import-entry.js';
import { isPostFile, inSkippedFolder } from './post-files.js';
import { resolveInside, safeEntryPath } from './safe-entry-path.js';
import { isSiteConfig } from './site-root.js';
import type { StagingContext } from './staging-context.js';
import { EntryTooLargeError, writeEntry, writeMarker } from './write-entry.js';

const REFUSED_TYPES: Record<string, string> = {
  symlink: 'symbolic link refused',
  link: 'hard link refused',
  'character-device': 'device file refused',
  'block-device': 'device file refused',
  fifo: 'FIFO refused',
};

/**
 * Extracts the post files of a .tar or .tar.gz under `root`, streaming: entries are written as
 * they come, and the whole archive is refused when it turns out to be a compression bomb, or
 * truncated or corrupt (BAD_ARCHIVE: before, such a stream error left the job queued for ever).
 */
export async function extractTar(
  file: string,
  root: string,
  staging: StagingContext,
  name: string,
  gzip: boolean,
): Promise<RejectedEntry[]> {
  const { budget } = staging;
  const rejected: RejectedEntry[] = [];
  let compressed = 0;
  let uncompressed = 0;
  const countIn = counter((n) => (compressed += n));
  const countOut = counter((n) => {
    uncompressed += n;
    if (gzip) budget.checkRatio(name, uncompressed, compressed);
  });
  const extract = tar.extract();
  const consume = (async () => {
    for await (const entry of extract as unknown as AsyncIterable<TarEntry>) {
      await handleEntry(entry, root, staging, name, rejected);
    }
  })();
  const source = createReadStream(file);
  const stages: NodeJS.ReadableStream[] = [source, countIn];
  if (gzip) stages.push(createGunzip());
  const read = pipeline([...stages, countOut, extract] as unknown as [Readable, ...Transform[]]);
  // Whichever fails first is the reason; the other must not end up an unhandled rejection.
  read.catch(() => undefined);
  consume.catch(() => undefined);
  try {
    await Promise.all([read, consume]);
  } catch (error) {
    extract.destroy();
    source.destroy();
    throw asArchiveError(error, name);
  }
  return rejected;
}

async function handleEntry(
  entry: TarEntry,
  root: string,
  staging: StagingContext,
  archive: string,
  rejected: RejectedEntry[],
): Promise<void> {
  const { limits, budget, paths } = staging;
  const { name, type, size = 0 } = entry.header;
  budget.addEntry(archive);
  const safe = safeEntryPath(name);
  const refused = type ? REFUSED_TYPES[type] : undefined;
  if (type !== 'file' && !refused) return drain(entry);
  if ('error' in safe) return reject(entry, rejected, name, safe.error);
  if (refused) return reject(entry, rejected, safe.path, `${refused}: ${name}`);
  if (isSiteConfig(path.posix.basename(safe.path)) && !inSkippedFolder(safe.path)) {
    await writeMarker(root, safe.path);
    return drain(entry);
  }
  if (!isPostFile(safe.path) || inSkippedFolder(safe.path)) return drain(entry);
  if (size > limits.maxEntryBytes)
    return reject(entry, rejected, safe.path, `entry larger than ${limits.maxEntryBytes} bytes uncompressed`);
  paths.claim(archive, staging.root, resolveInside(root, safe.path));
  try {
    await writeEntry(entry, root, safe.path, limits.maxEntryBytes, (n) => budget.addBytes(archive, n));
  } catch (error) {
    if (!(error instanceof EntryTooLargeError)) throw error;
    await unlink(resolveInside(root, safe.path)).catch(() => undefined);
    rejected.push({ path: safe.path, message: error.message });
    await drain(entry);
  }
}

async function reject(entry: TarEntry, rejected: RejectedEntry[], path: string, message: string): Promise<void> {
  rejected.push({ path, message });
  await drain(entry);
}

async function drain(entry: Readable): Promise<void> {
  entry.resume();
  await new Promise<void>((resolve) => {
    if (entry.readableEnded) return resolve();
    entry.once('end', resolve);
    entry.once('close', resolve);
  });
}

function counter(onBytes: (count: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        onBytes(chunk.length);
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
