import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isSkippedFolder } from './post-files.js';

/** Files whose folder is a site's root: Jekyll's and Hugo's configuration. */
const SITE_CONFIG = /^(?:_config\.(?:ya?ml|toml)|(?:hugo|config)\.(?:ya?ml|toml|json))$/i;
/** Folders whose parent is a site's root: Jekyll's posts, Hugo's content. */
const SITE_FOLDERS = new Set(['_posts', 'content']);

/** Whether a file name marks its folder as a site's root (kept when archives are extracted). */
export function isSiteConfig(name: string): boolean {
  return SITE_CONFIG.test(name);
}

/**
 * The folder under `root` (POSIX, '' for the root itself) that identities are taken relative
 * to, so the same site gets the same identities wherever the import starts: the folder holding
 * a site's configuration (`_config.yml`, `hugo.toml`, `config.toml`, ...), `_posts/` or
 * `content/`; when several folders do (Jekyll's `en/news/_posts`, `de/news/_posts` with no
 * configuration in sight), the innermost folder holding them all. Where no site can be seen,
 * an archive whose entries one top-level folder wraps gives that folder.
 */
export async function findSiteRoot(root: string, archive: boolean): Promise<string> {
  const sites = await siteFolders(root, []);
  if (sites.length) return commonFolder(sites);
  if (!archive) return '';
  const top = (await list(root)).filter((e) => !e.name.startsWith('.'));
  return top.length === 1 && top[0]!.dir ? top[0]!.name : '';
}

/** `relative` (POSIX, from the import's root) -> the path part of the post's identity. */
export function sitePath(relative: string, siteRoot: string): string {
  return siteRoot && relative.startsWith(`${siteRoot}/`) ? relative.slice(siteRoot.length + 1) : relative;
}

/** Outermost folders that look like a site's root; what lies inside one is its own. */
async function siteFolders(root: string, folders: string[]): Promise<string[][]> {
  const entries = await list(path.join(root, ...folders));
  const isSite = entries.some((e) => (e.dir ? SITE_FOLDERS.has(e.name) : isSiteConfig(e.name)));
  if (isSite) return [folders];
  const found: string[][] = [];
  for (const entry of entries) {
    if (entry.dir && !isSkippedFolder(entry.name)) found.push(...(await siteFolders(root, [...folders, entry.name])));
  }
  return found;
}

function commonFolder(folders: string[][]): string {
  const [first, ...rest] = folders;
  let length = first!.length;
  for (const other of rest) {
    let same = 0;
    while (same < length && same < other.length && other[same] === first![same]) same++;
    length = same;
  }
  return first!.slice(0, length).join('/');
}

async function list(folder: string): Promise<{ name: string; dir: boolean }[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return []; // a file given as the import's root
  }
}
