import { Injectable } from '@nestjs/common';
import { SqlPool } from '@pressroom/database';
import type { UploadedPart } from './upload-store.js';

/** SQL of ImportUpload and ImportUploadChunk: uploads waiting for their job step. */
@Injectable()
export class UploadChunksRepository {
  constructor(private readonly sql: SqlPool) {}

  async createUpload(id: string): Promise<void> {
    await this.sql.query(`INSERT INTO "ImportUpload" (id) VALUES ($1::uuid)`, [id]);
  }

  /** Fails (foreign key) once the upload has been discarded, so no chunk outlives it. */
  async insertChunk(uploadId: string, part: number, seq: number, bytes: Buffer): Promise<void> {
    await this.sql.query(
      `INSERT INTO "ImportUploadChunk" ("uploadId", part, seq, bytes) VALUES ($1::uuid, $2, $3, $4)`,
      [uploadId, part, seq, bytes],
    );
  }

  /** Whether the upload, still unclaimed, now belongs to the job. */
  async claim(uploadId: string, jobId: string, parts: UploadedPart[]): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `UPDATE "ImportUpload" SET "jobId" = $2::uuid, parts = $3::jsonb WHERE id = $1::uuid AND "jobId" IS NULL`,
      [uploadId, jobId, JSON.stringify(parts)],
    );
    return rowCount === 1;
  }

  async deleteUnclaimed(uploadId: string): Promise<void> {
    await this.sql.query(`DELETE FROM "ImportUpload" WHERE id = $1::uuid AND "jobId" IS NULL`, [uploadId]);
  }

  /** Unclaimed uploads older than `hours`: requests a crashed process never finished. */
  async deleteAbandoned(hours: number): Promise<number> {
    const { rowCount } = await this.sql.query(
      `DELETE FROM "ImportUpload" WHERE "jobId" IS NULL AND "createdAt" < now() - make_interval(hours => $1)`,
      [hours],
    );
    return rowCount ?? 0;
  }

  async deleteForJob(jobId: string): Promise<void> {
    await this.sql.query(`DELETE FROM "ImportUpload" WHERE "jobId" = $1::uuid`, [jobId]);
  }

  async uploadOfJob(jobId: string): Promise<{ id: string; parts: UploadedPart[] } | null> {
    const { rows } = await this.sql.query<{ id: string; parts: UploadedPart[] }>(
      `SELECT id::text, parts FROM "ImportUpload" WHERE "jobId" = $1::uuid`,
      [jobId],
    );
    return rows[0] ?? null;
  }

  /** One chunk of a part, or null past its last one: one row in memory at a time. */
  async chunk(uploadId: string, part: number, seq: number): Promise<Buffer | null> {
    const { rows } = await this.sql.query<{ bytes: Buffer }>(
      `SELECT bytes FROM "ImportUploadChunk" WHERE "uploadId" = $1::uuid AND part = $2 AND seq = $3`,
      [uploadId, part, seq],
    );
    return rows[0]?.bytes ?? null;
  }
}
