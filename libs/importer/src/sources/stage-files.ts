import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { IMPORT_LIMITS, type ImportLimits } from '../limits.js';
import { archiveKind } from './archive-kind.js';
import { type RejectedEntry, SourceRejectedError } from './import-entry.js';
import { isPostFile } from './post-files.js';
import { resolveInside, safeEntryPath } from './safe-entry-path.js';
import { extractTar } from './tar-extractor.js';
import { extractZip } from './zip-extractor.js';

/** A file handed to an import: an uploaded part or a path given to the CLI. */
export interface IncomingFile {
  /** The name the user gave it (upload file name, or the path's base name). */
  name: string;
  /** Where its bytes are on disk now. */
  file: string;
}

/**
 * Lays out the post files of an import under `root`: archives are extracted (checked entry by
 * entry), post files copied under their own names. Returns the entries refused one by one;
 * throws SourceRejectedError when a whole source must be refused.
 */
export async function stageFiles(
  files: IncomingFile[],
  root: string,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<RejectedEntry[]> {
  await mkdir(root, { recursive: true });
  const rejected: RejectedEntry[] = [];
  const archives = files.length > 1;
  for (const incoming of files) {
    const kind = await archiveKind(incoming.file);
    if (kind) {
      // With several archives, each gets its own folder so equal paths inside them stay apart.
      const target = archives ? resolveInside(root, archiveFolder(incoming.name)) : root;
      rejected.push(...(await extractArchive(kind, incoming, target, limits)));
      continue;
    }
    const safe = safeEntryPath(incoming.name);
    if ('error' in safe) rejected.push({ path: incoming.name, message: safe.error });
    else if (!isPostFile(safe.path))
      rejected.push({
        path: safe.path,
        skipped: true,
        message: 'not a post file (.md, .markdown, .html, .htm, .txt) nor an archive (.zip, .tar, .tar.gz)',
      });
    else {
      const target = resolveInside(root, safe.path);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(incoming.file, target);
    }
  }
  return rejected;
}

function extractArchive(
  kind: string,
  incoming: IncomingFile,
  target: string,
  limits: ImportLimits,
): Promise<RejectedEntry[]> {
  if (kind === 'zip') return extractZip(incoming.file, target, limits, incoming.name);
  return extractTar(incoming.file, target, limits, incoming.name, kind === 'tar.gz');
}

function archiveFolder(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\.(zip|tar|tar\.gz|tgz)$/i, '');
  const safe = safeEntryPath(base.replace(/^\.+/, '_'));
  if ('error' in safe) throw new SourceRejectedError(`bad archive name: ${name}`, 'BAD_ARCHIVE');
  return safe.path.replace(/\//g, '_');
}
