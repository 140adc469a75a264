import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { resolveInside } from './safe-entry-path.js';

/**
 * Streams one entry to `root/relative`, failing as soon as it exceeds `maxBytes` and reporting
 * every chunk to `onBytes` (which may throw to stop a bomb). Never writes outside `root`.
 */
export async function writeEntry(
  input: Readable,
  root: string,
  relative: string,
  maxBytes: number,
  onBytes: (count: number) => void,
): Promise<void> {
  const target = resolveInside(root, relative);
  await mkdir(path.dirname(target), { recursive: true });
  let written = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length;
      if (written > maxBytes) return done(new EntryTooLargeError(relative, maxBytes));
      try {
        onBytes(chunk.length);
      } catch (error) {
        return done(error as Error);
      }
      done(null, chunk);
    },
  });
  await pipeline(input, guard, createWriteStream(target, { flags: 'wx' }));
}

/**
 * Leaves an empty file in place of a site's configuration (see isSiteConfig()): only its name
 * matters, to find the site's root.
 */
export async function writeMarker(root: string, relative: string): Promise<void> {
  const target = resolveInside(root, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, '', { flag: 'w' });
}

export class EntryTooLargeError extends Error {
  constructor(
    readonly entry: string,
    limit: number,
  ) {
    super(`entry larger than ${limit} bytes uncompressed: ${entry}`);
  }
}
