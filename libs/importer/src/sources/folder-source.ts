import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportEntry } from './import-entry.js';
import { isPostFile, isSkippedFolder } from './post-files.js';

/** A folder being walked: its children in name order, and how many of them are done. */
interface OpenFolder {
  absolute: string;
  relative: string;
  children: { name: string; dir: boolean }[];
  next: number;
}

/**
 * The post files under `root`, recursively, in a stable order (sorted by name at each level),
 * streamed: memory grows with the depth of the tree and the size of a folder, not with the
 * number of files. A file path yields just that file.
 *
 * The open folders are a stack rather than one generator per level: with nested generators
 * every file passed through each level's `yield*`, which made the walk most of an unchanged
 * re-import's first second (issue 15).
 */
export async function* walkPosts(root: string): AsyncGenerator<ImportEntry> {
  const info = await stat(root);
  if (info.isFile()) {
    yield fileEntry(path.basename(root), root);
    return;
  }
  const stack: OpenFolder[] = [{ absolute: root, relative: '', children: await listFolder(root), next: 0 }];
  while (stack.length) {
    const folder = stack.at(-1)!;
    const child = folder.children[folder.next++];
    if (!child) {
      stack.pop();
      continue;
    }
    const relative = folder.relative ? `${folder.relative}/${child.name}` : child.name;
    const absolute = path.join(folder.absolute, child.name);
    if (child.dir) stack.push({ absolute, relative, children: await listFolder(absolute), next: 0 });
    else yield fileEntry(relative, absolute);
  }
}

/** The folder's post files and the folders worth walking, sorted by name. */
async function listFolder(absolute: string): Promise<OpenFolder['children']> {
  const children: OpenFolder['children'] = [];
  for (const dirent of await readdir(absolute, { withFileTypes: true })) {
    if (dirent.isDirectory() && !isSkippedFolder(dirent.name)) children.push({ name: dirent.name, dir: true });
    else if (dirent.isFile() && isPostFile(dirent.name)) children.push({ name: dirent.name, dir: false });
  }
  return children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function fileEntry(relative: string, absolute: string): ImportEntry {
  return { path: relative, file: absolute };
}
