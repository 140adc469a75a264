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
      mkdirSync(request.uploadDir, { recursive: true });
      done(null, request.uploadDir);
    },
    filename: (_req, _file, done) => done(null, randomUUID()),
  });
}
