import type { BodyFormat } from '../types.js';

export interface SourcePath {
  /** Folder segments, outermost first. */
  folders: string[];
  fileName: string;
  /** Lower-case extension without the dot; '' when there is none. */
  extension: string;
  /** `YYYY-MM-DD` from a Jekyll post name, if any. */
  datePrefix: string | null;
  /** File name without date prefix and extension; the folder's name for index pages. */
  name: string;
  /** `index.*` or `_index.*`: the page is its folder (Hugo bundles and sections). */
  isIndex: boolean;
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})-/;
const INDEX_PAGE = /^_?index$/i;

export function describePath(path: string): SourcePath {
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  const fileName = segments.pop() ?? '';
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const date = DATE_PREFIX.exec(stem);
  const undated = date ? stem.slice(date[0].length) : stem;
  const isIndex = INDEX_PAGE.test(stem);
  // Hugo page bundles (`post/index.md`) and sections (`_index.md`) are named by their folder.
  const name = isIndex && segments.length > 0 ? segments[segments.length - 1]! : undated;
  return { folders: segments, fileName, extension, datePrefix: date?.[1] ?? null, name, isIndex };
}

export function bodyFormatOf(source: SourcePath): BodyFormat {
  return source.extension === 'html' || source.extension === 'htm' ? 'HTML' : 'MARKDOWN';
}
