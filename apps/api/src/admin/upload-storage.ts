import type { ServerResponse } from 'node:http';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { MultipartStorageEngine, UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import type { UploadStore } from '@pressroom/importer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

/** What the storage engine keeps on the request between parts. */
export type UploadRequest = FastifyRequest & {
  /** The response, whose closing ends the upload (set by UploadLifetime). */
  uploadResponse?: ServerResponse;
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
export function uploadStorage(store: UploadStore): MultipartStorageEngine {
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
): Promise<Partial<UploadedMultipartFile>> {
  if (request.uploadClosed) throw new Error('the request has ended');
  if (!request.uploadId) {
    const uploadId = store.open();
    request.uploadId = uploadId;
    request.uploadResponse?.once('close', () => {
      request.uploadClosed = true;
      uploadId.then((id) => store.discardUnclaimed(id)).catch(() => undefined);
    });
  }
  const part = (request.uploadParts = (request.uploadParts ?? 0) + 1);
  const size = await store.writePart(await request.uploadId, part, stream);
  return { filename: String(part), size };
}

/**
 * Hands the storage engine the response whose closing ends the upload: a Fastify request does
 * not know its reply. Listed before the files interceptor, which stores the parts.
 */
@Injectable()
export class UploadLifetime implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    http.getRequest<UploadRequest>().uploadResponse = http.getResponse<FastifyReply>().raw;
    return next.handle();
  }
}
