import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { diskStorage, type StorageEngine } from 'multer';

/**
 * Uploads stream to disk (never into memory) under `<imports>/incoming-<uuid>/`, each part
 * under a generated name: the client's file name is kept only as data, never as a path.
 */
export function uploadStorage(importsDir: () => string): StorageEngine {
  return diskStorage({
    destination: (req, _file, done) => {
      const request = req as typeof req & { uploadDir?: string };
      request.uploadDir ??= path.join(importsDir(), `incoming-${randomUUID()}`);
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
