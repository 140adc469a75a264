import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import parseFiles from './parse.worker.js';
import type { ParseTask, ParseTaskResult } from './parse-task.js';

/**
 * Parses files on worker threads (one per core by default); with 0 threads, inline. Under jest
 * the sources are TypeScript, which threads cannot load, so the built worker is used.
 */
export class ParsePool {
  private readonly pool: Piscina | null;

  constructor(threads = availableParallelism()) {
    const filename = workerFile();
    this.pool = threads > 0 && filename ? new Piscina({
            filename,
            maxThreads: threads,
            minThreads: threads,
            // Parsing holds one task's files at a time: a small old generation makes each
            // thread collect early instead of growing towards V8's default ceiling.
            resourceLimits: { maxOldGenerationSizeMb: 128 },
          }) : null;
  }

  get threads(): number {
    return this.pool?.maxThreads ?? 0;
  }

  run(task: ParseTask): Promise<ParseTaskResult> {
    if (!this.pool) return Promise.resolve(parseFiles(task));
    // Transfer, not copy, each file's bytes; a view into a shared (pooled) buffer is copied
    // first, since transferring would detach the whole pool.
    const files = task.files.map((f) => ({ path: f.path, bytes: ownBuffer(f.bytes) }));
    const transferList = files.map((f) => f.bytes.buffer as ArrayBuffer);
    return this.pool.run({ ...task, files }, { transferList });
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const built = here.endsWith('.ts')
    ? here.replace(/\/src\/parsing\/parse-pool\.ts$/, '/dist/parsing/parse.worker.js')
    : here.replace(/parse-pool\.js$/, 'parse.worker.js');
  return existsSync(built) ? built : null;
}
