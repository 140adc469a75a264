import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportEntry } from './import-entry.js';
import { isPostFile, isSkippedFolder } from './post-files.js';

/**
 * The post files under `root`, recursively, in a stable order (sorted by name at each level),
 * streamed: memory does not grow with the number of files. A file path yields just that file.
 */
export async function* walkPosts(root: string): AsyncGenerator<ImportEntry> {
  const info = await stat(root);
  if (info.isFile()) {
    yield fileEntry(path.basename(root), root);
    return;
  }
  yield* walkFolder(root, '');
}

async function* walkFolder(absolute: string, relative: string): AsyncGenerator<ImportEntry> {
  const children: { name: string; dir: boolean }[] = [];
  for await (const dirent of await opendir(absolute)) {
    if (dirent.isDirectory() && !isSkippedFolder(dirent.name)) children.push({ name: dirent.name, dir: true });
    else if (dirent.isFile() && isPostFile(dirent.name)) children.push({ name: dirent.name, dir: false });
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) {
    const childRelative = relative ? `${relative}/${child.name}` : child.name;
    const childAbsolute = path.join(absolute, child.name);
    if (child.dir) yield* walkFolder(childAbsolute, childRelative);
    else yield fileEntry(childRelative, childAbsolute);
  }
}

function fileEntry(relative: string, absolute: string): ImportEntry {
  return { path: relative, file: absolute };
}
