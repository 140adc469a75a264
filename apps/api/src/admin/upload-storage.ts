import type { UploadStore } from '@pressroom/importer';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** What the storage engine keeps on the request between parts. */
export type UploadRequest = Request & {
  /** The stored upload's id, once its first part has started. */
  uploadId?: Promise<string>;
  uploadParts?: number;
  uploadClosed?: boolean;
};

/**
 * Each uploaded part streams into the UploadStore (PostgreSQL: 1 MiB rows) as it arrives,
 * never whole in memory nor on this process's disk, so any worker can stage it (issue 13). The
 * part is known by its number; the client's file name is kept only as data.
 *
 * The upload is deleted when the response closes, however the request ended (413, a refused
 * field, failed validation, a client gone midway: issue 10 found them all leaving files
 * behind), unless the request made it a job's by then. A part still streaming afterwards
 * fails its next write: its upload row is gone.
 */
export function uploadStorage(store: UploadStore): StorageEngine {
  return {
    _handleFile(req, file, done) {
      storePart(store, req as UploadRequest, file.stream).then(
        (info) => done(null, info),
        (error: Error) => done(error),
      );
    },
    _removeFile(_req, _file, done) {
      done(null); // the whole upload goes when the response closes
    },
  };
}

async function storePart(
  store: UploadStore,
  request: UploadRequest,
  stream: AsyncIterable<Buffer>,
): Promise<Partial<Express.Multer.File>> {
  if (request.uploadClosed) throw new Error('the request has ended');
  if (!request.uploadId) {
    const uploadId = store.open();
    request.uploadId = uploadId;
    request.res?.once('close', () => {
      request.uploadClosed = true;
      uploadId.then((id) => store.discardUnclaimed(id)).catch(() => undefined);
    });
  }
  const part = (request.uploadParts = (request.uploadParts ?? 0) + 1);
  const size = await store.writePart(await request.uploadId, part, stream);
  return { filename: String(part), size };
}
