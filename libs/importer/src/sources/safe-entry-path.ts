import path from 'node:path';

const MAX_NAME_BYTES = 255;
const MAX_PATH_BYTES = 1024;
const MAX_DEPTH = 64;

/**
 * The normalised relative POSIX path of an archive entry, or the reason it is refused:
 * absolute paths, drive letters, `..` segments and NUL bytes never leave the archive.
 */
export function safeEntryPath(name: string): { path: string } | { error: string } {
  if (name.includes('\0')) return { error: 'entry name contains a NUL byte' };
  const posix = name.replace(/\\/g, '/');
  if (posix.startsWith('/') || /^[a-zA-Z]:/.test(posix)) return { error: `absolute path refused: ${name}` };
  const segments = posix.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { error: `path with ".." refused: ${name}` };
  if (!segments.length) return { error: `empty entry name: ${JSON.stringify(name)}` };
  // File systems refuse longer names (NAME_MAX, PATH_MAX): the entry fails alone instead of
  // failing the write half-way through the import.
  if (segments.some((s) => Buffer.byteLength(s) > MAX_NAME_BYTES))
    return { error: `file or folder name too long: ${name}` };
  if (Buffer.byteLength(name) > MAX_PATH_BYTES || segments.length > MAX_DEPTH)
    return { error: `path too long or too deep: ${name}` };
  return { path: segments.join('/') };
}

/** Joins a checked relative path under `root` and proves the result stays inside it. */
export function resolveInside(root: string, relative: string): string {
  const target = path.resolve(root, relative);
  if (target !== root && !target.startsWith(root + path.sep))
    throw new Error(`path escapes the import folder: ${relative}`);
  return target;
}
