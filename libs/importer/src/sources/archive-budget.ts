import type { ImportLimits } from '../limits.js';
import { SourceRejectedError } from './import-entry.js';

/**
 * Counts entries and uncompressed bytes across a whole request (every archive and file of one
 * upload, issue 10: a per-archive cap let several archives multiply it) and refuses it once a
 * limit is crossed.
 */
export class ArchiveBudget {
  private entries = 0;
  private bytes = 0;

  constructor(private readonly limits: ImportLimits) {}

  addEntry(source: string): void {
    if (++this.entries > this.limits.maxEntries) {
      throw new SourceRejectedError(
        `${source}: the import holds more than ${this.limits.maxEntries} entries`,
        'TOO_MANY_ENTRIES',
      );
    }
  }

  addBytes(source: string, count: number): void {
    this.bytes += count;
    if (this.bytes > this.limits.maxTotalBytes) {
      throw new SourceRejectedError(
        `${source}: the import holds more than ${this.limits.maxTotalBytes} bytes uncompressed`,
        'TOO_LARGE',
      );
    }
  }

  /** Refuses a compression bomb: past the grace size, output may not exceed ratio x input. */
  checkRatio(source: string, uncompressed: number, compressed: number): void {
    if (uncompressed > this.limits.ratioGraceBytes && uncompressed > compressed * this.limits.maxCompressionRatio) {
      throw new SourceRejectedError(
        `${source}: compression ratio above ${this.limits.maxCompressionRatio}:1 (a compression bomb?)`,
        'COMPRESSION_BOMB',
      );
    }
  }
}
