import { randomUUID } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import type { IncomingFile } from '../sources/stage-files.js';
import { UploadChunksRepository } from './upload-chunks.repository.js';
import { type UploadedPart, UploadStore } from './upload-store.js';

/** Bytes per ImportUploadChunk row: what an upload holds in memory at most, per part. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** Uploads as 1 MiB bytea rows (see docs/decisions.md for why not large objects). */
@Injectable()
export class PostgresUploadStore extends UploadStore {
  constructor(private readonly repository: UploadChunksRepository) {
    super();
  }

  async open(): Promise<string> {
    const id = randomUUID();
    await this.repository.createUpload(id);
    return id;
  }

  async writePart(uploadId: string, part: number, bytes: AsyncIterable<Buffer>): Promise<number> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let seq = 0;
    for await (const data of bytes) {
      pending.push(data);
      pendingBytes += data.length;
      size += data.length;
      while (pendingBytes >= UPLOAD_CHUNK_BYTES) {
        const all = Buffer.concat(pending, pendingBytes);
        await this.repository.insertChunk(uploadId, part, seq++, all.subarray(0, UPLOAD_CHUNK_BYTES));
        const rest = all.subarray(UPLOAD_CHUNK_BYTES);
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
      }
    }
    if (pendingBytes) await this.repository.insertChunk(uploadId, part, seq, Buffer.concat(pending, pendingBytes));
    return size;
  }

  async attach(uploadId: string, jobId: string, parts: UploadedPart[]): Promise<void> {
    if (!(await this.repository.claim(uploadId, jobId, parts))) {
      throw new Error('the upload is gone: its request ended before the job was created');
    }
  }

  discardUnclaimed(uploadId: string): Promise<void> {
    return this.repository.deleteUnclaimed(uploadId);
  }

  async download(jobId: string, folder: string): Promise<IncomingFile[] | null> {
    const upload = await this.repository.uploadOfJob(jobId);
    if (!upload) return null;
    await mkdir(folder, { recursive: true });
    const files: IncomingFile[] = [];
    for (const { name, part } of upload.parts) {
      const file = path.join(folder, String(part));
      const out = await open(file, 'wx');
      try {
        for (let seq = 0, bytes; (bytes = await this.repository.chunk(upload.id, part, seq)); seq++) {
          await out.writeFile(bytes);
        }
      } finally {
        await out.close();
      }
      files.push({ name, file });
    }
    return files;
  }

  deleteAbandoned(hours: number): Promise<number> {
    return this.repository.deleteAbandoned(hours);
  }

  deleteForJob(jobId: string): Promise<void> {
    return this.repository.deleteForJob(jobId);
  }
}
