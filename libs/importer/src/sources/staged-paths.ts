import path from 'node:path';
import { SourceRejectedError } from './import-entry.js';

/**
 * The files one request has staged so far. Two entries may not land on one path (tar and zip
 * allow duplicate names) and a path may not be both a file and a folder (`a.md`, `a.md/b.md`):
 * the file system would refuse the second half-way through, and which one wins would be
 * arbitrary. Such an import is refused as a whole, naming the entry.
 */
export class StagedPaths {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  /** Records `target` (an absolute path under `root`) or throws why it cannot be staged. */
  claim(source: string, stageRoot: string, target: string): void {
    const root = path.resolve(stageRoot);
    const shown = path.relative(root, target).split(path.sep).join('/');
    if (this.files.has(target)) {
      throw new SourceRejectedError(`${source}: two entries named ${shown}`, 'DUPLICATE_ENTRY');
    }
    if (this.folders.has(target)) {
      throw new SourceRejectedError(`${source}: ${shown} is both a file and a folder`, 'PATH_CLASH');
    }
    const ancestors: string[] = [];
    for (let dir = path.dirname(target); dir.length > root.length && !this.folders.has(dir); dir = path.dirname(dir)) {
      if (this.files.has(dir)) {
        const folder = path.relative(root, dir).split(path.sep).join('/');
        throw new SourceRejectedError(`${source}: ${folder} is both a file and a folder`, 'PATH_CLASH');
      }
      ancestors.push(dir);
    }
    for (const dir of ancestors) this.folders.add(dir);
    this.files.add(target);
  }
}
