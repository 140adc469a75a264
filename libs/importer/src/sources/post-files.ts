import path from 'node:path';
import { POST_EXTENSIONS, SKIPPED_FOLDERS } from '../limits.js';

/** Whether a file name is one the importer reads (.md, .markdown, .html, .htm, .txt). */
export function isPostFile(name: string): boolean {
  return (POST_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

/** Hidden folders, `_site` and `node_modules` are never walked. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** True when any folder along a relative POSIX path is one we skip. */
export function inSkippedFolder(relativePath: string): boolean {
  return relativePath.split('/').slice(0, -1).some(isSkippedFolder);
}
