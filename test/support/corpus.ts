import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** ../shared beside the repository (PRESSROOM_SHARED_DIR overrides): read-only, never copied in. */
const SHARED_DIR = process.env.PRESSROOM_SHARED_DIR ?? path.resolve(here, '..', '..', '..', 'shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const SEED_FILE = path.join(SHARED_DIR, 'seed', '000_eaef9e1ea3b8a7ef.txt');
export const SAMPLE_POSTS_DIR = path.resolve(here, '..', '..', 'examples', 'posts');

/** `describe`, or `describe.skip` with a message saying why, when the shared folder is absent. */
export function describeWithShared(name: string, fn: () => void): void {
  if (existsSync(CORPUS_DIR) && existsSync(SEED_FILE)) {
    describe(name, fn);
    return;
  }
  describe.skip(`${name} (skipped: ${CORPUS_DIR} is absent; it holds the shared corpus of real posts)`, fn);
}
