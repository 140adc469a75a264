import { type Dirent, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ../shared beside the repository: libs/frontmatter/src/testing/ is four levels below its root.
const SHARED_DIR =
  process.env['PRESSROOM_SHARED_DIR'] ??
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..', 'shared');

// Shared read-only fixtures outside the repository; specs skip themselves without them.
export const CORPUS_DIR = process.env['PRESSROOM_CORPUS_DIR'] ?? join(SHARED_DIR, 'corpus');
export const SEED_FILE = process.env['PRESSROOM_SEED_FILE'] ?? join(SHARED_DIR, 'seed', '000_eaef9e1ea3b8a7ef.txt');

export const hasCorpus = existsSync(CORPUS_DIR);
export const hasSeed = existsSync(SEED_FILE);

/** `describe`, or `describe.skip` with the reason in its name when the fixture is missing. */
export function describeWithFixture(available: boolean, location: string, name: string, fn: () => void): void {
  if (available) describe(name, fn);
  else describe.skip(`${name} (skipped: ${location} not found)`, fn);
}

export function readCorpusFile(relativePath: string): Uint8Array {
  return readFileSync(join(CORPUS_DIR, relativePath));
}

/** Every file under a corpus folder, as paths relative to that folder, sorted. */
export function listCorpusFolder(folder: string): string[] {
  const root = join(CORPUS_DIR, folder);
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
