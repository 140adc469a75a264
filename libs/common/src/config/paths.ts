import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: libs/common/{src,dist}/config/ is four levels below it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data');
export const SAMPLE_POSTS_DIR = path.join(REPO_ROOT, 'examples', 'posts');
