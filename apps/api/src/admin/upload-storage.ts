import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Request } from 'express';
import { diskStorage, type StorageEngine } from 'multer';

type UploadRequest = Request & { uploadDir?: string; uploadClosed?: boolean };

/**
 * Uploads stream to disk (never into memory) under `<imports>/incoming-<uuid>/`, each part
 * under a generated name: the client's file name is kept only as data, never as a path.
 *
 * The folder is removed when the response closes, however the request ended (413, a refused
 * field, failed validation, a client gone midway: issue 10 found them all leaving folders
 * behind). A request that became a job has moved its folder by then, so nothing is removed.
 */
export function uploadStorage(importsDir: () => string): StorageEngine {
  return diskStorage({
    destination: (req, _file, done) => {
      const request = req as UploadRequest;
      if (request.uploadClosed) return done(new Error('the request has ended'), '');
      if (!request.uploadDir) {
        const dir = path.join(importsDir(), `incoming-${randomUUID()}`);
        request.uploadDir = dir;
        request.res?.once('close', () => {
          request.uploadClosed = true;
          // Retries: a part still being written may add a file while the folder is emptied.
          rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
        });
      }
      // Thrown here, a disk error (full, read-only, not a folder) would escape multer's stream
      // handlers as an uncaught exception and leave the request hanging; passed on, it is a 500.
      try {
        mkdirSync(request.uploadDir, { recursive: true });
      } catch (error) {
        return done(error as Error, '');
      }
      done(null, request.uploadDir);
    },
    filename: (_req, _file, done) => done(null, randomUUID()),
  });
}
