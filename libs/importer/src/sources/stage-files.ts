import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { IMPORT_LIMITS, type ImportLimits } from '../limits.js';
import { ArchiveBudget } from './archive-budget.js';
import { archiveKind } from './archive-kind.js';
import { type RejectedEntry, SourceRejectedError } from './import-entry.js';
import { isPostFile } from './post-files.js';
import { resolveInside, safeEntryPath } from './safe-entry-path.js';
import { StagedPaths } from './staged-paths.js';
import type { StagingContext } from './staging-context.js';

/** A file handed to an import: an uploaded part or a path given to the CLI. */
export interface IncomingFile {
  /** The name the user gave it (upload file name, or the path's base name). */
  name: string;
  /** Where its bytes are on disk now. */
  file: string;
}

/**
 * Lays out the post files of an import under `root`: archives are extracted (checked entry by
 * entry), post files copied under their own names. One budget of entries and bytes covers all
 * of them together, and no two may land on one path. Returns the entries refused one by one;
 * throws SourceRejectedError when the whole import must be refused.
 */
export async function stageFiles(
  files: IncomingFile[],
  root: string,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<RejectedEntry[]> {
  await mkdir(root, { recursive: true });
  const staging: StagingContext = { limits, budget: new ArchiveBudget(limits), paths: new StagedPaths(), root };
  const rejected: RejectedEntry[] = [];
  const archives = files.length > 1;
  for (const incoming of files) {
    const kind = await archiveKind(incoming.file);
    if (kind) {
      // With several archives, each gets its own folder so equal paths inside them stay apart.
      const target = archives ? resolveInside(root, archiveFolder(incoming.name)) : root;
      rejected.push(...(await extractArchive(kind, incoming, target, staging)));
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
      staging.budget.addEntry(incoming.name);
      staging.budget.addBytes(incoming.name, (await stat(incoming.file)).size);
      staging.paths.claim(incoming.name, root, target);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(incoming.file, target);
    }
  }
  return rejected;
}

async function extractArchive(
  kind: string,
  incoming: IncomingFile,
  target: string,
  staging: StagingContext,
): Promise<RejectedEntry[]> {
  // The extractors (yauzl, tar-stream) load with the first archive: most imports are folders.
  if (kind === 'zip')
    return (await import('./zip-extractor.js')).extractZip(incoming.file, target, staging, incoming.name);
  const { extractTar } = await import('./tar-extractor.js');
  return extractTar(incoming.file, target, staging, incoming.name, kind === 'tar.gz');
}

function archiveFolder(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\.(zip|tar|tar\.gz|tgz)$/i, '');
  const safe = safeEntryPath(base.replace(/^\.+/, '_'));
  if ('error' in safe) throw new SourceRejectedError(`bad archive name: ${name}`, 'BAD_ARCHIVE');
  return safe.path.replace(/\//g, '_');
}
