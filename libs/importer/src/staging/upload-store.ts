import type { IncomingFile } from '../sources/stage-files.js';

/** One part of an upload as the request named it. */
export interface UploadedPart {
  /** The file name the client gave (data only, never a path on disk). */
  name: string;
  /** Its number within the upload, as writePart() was given it. */
  part: number;
}

/**
 * Where uploads wait between the request that brings them and the worker that stages them:
 * somewhere every process can read, never one process's disk. PostgreSQL is the one kept now
 * (PostgresUploadStore); an S3-compatible store would be another implementation of this.
 */
export abstract class UploadStore {
  /** Starts an upload; returns its id. */
  abstract open(): Promise<string>;

  /** Streams one part in as it arrives (never whole in memory); resolves with its size. */
  abstract writePart(uploadId: string, part: number, bytes: AsyncIterable<Buffer>): Promise<number>;

  /** Hands the upload to a job; throws when it is gone (its request ended first). */
  abstract attach(uploadId: string, jobId: string, parts: UploadedPart[]): Promise<void>;

  /** Deletes an upload unless a job took it: what a request that failed or ended leaves. */
  abstract discardUnclaimed(uploadId: string): Promise<void>;

  /**
   * Writes a job's uploaded parts into `folder` (streamed, chunk by chunk); null when the job
   * has no upload stored.
   */
  abstract download(jobId: string, folder: string): Promise<IncomingFile[] | null>;

  /** Deletes unclaimed uploads older than `hours`: requests a crashed process never ended. */
  abstract deleteAbandoned(hours: number): Promise<number>;

  /** Deletes a job's upload, if any. */
  abstract deleteForJob(jobId: string): Promise<void>;
}
