import { Injectable } from '@nestjs/common';
import { binaryArray, PG_OID, SqlPool, textArray } from '@pressroom/database';

/** What a job's staging left for its batches, once it is complete. */
export interface StagedJob {
  siteRoot: string;
  /** Entries staging refused, recorded as items already. */
  rejected: number;
}

export interface StagedFile {
  path: string;
  seq: number;
  content: Buffer;
}

/** SQL of ImportStagedFile and of the staging columns of ImportJob. */
@Injectable()
export class StagedFilesRepository {
  constructor(private readonly sql: SqlPool) {}

  /** Set-based; a file already there (staged by another attempt, to the same bytes) is kept. */
  async insert(jobId: string, files: StagedFile[]): Promise<void> {
    if (!files.length) return;
    await this.sql.query(
      `INSERT INTO "ImportStagedFile" ("jobId", path, seq, content)
       SELECT $1::uuid, p, s, c FROM unnest($2::text[], $3::int[], $4::bytea[]) AS v(p, s, c)
       ON CONFLICT ("jobId", path) DO NOTHING`,
      [
        jobId,
        textArray(files.map((f) => f.path)),
        files.map((f) => f.seq),
        binaryArray(
          PG_OID.bytea,
          files.map((f) => f.content),
        ),
      ],
    );
  }

  /** Marks staging complete; the first attempt to get here wins, later ones change nothing. */
  async markStaged(jobId: string, staged: StagedJob): Promise<void> {
    await this.sql.query(
      `UPDATE "ImportJob" SET "siteRoot" = $2, "stagedRejected" = $3 WHERE id = $1::uuid AND "siteRoot" IS NULL`,
      [jobId, staged.siteRoot, staged.rejected],
    );
  }

  async staged(jobId: string): Promise<StagedJob | null> {
    const { rows } = await this.sql.query<{ siteRoot: string | null; rejected: number | null }>(
      `SELECT "siteRoot", "stagedRejected" AS rejected FROM "ImportJob" WHERE id = $1::uuid`,
      [jobId],
    );
    const row = rows[0];
    return row?.siteRoot == null ? null : { siteRoot: row.siteRoot, rejected: row.rejected ?? 0 };
  }

  /** The job's staged paths in staging order. */
  async paths(jobId: string): Promise<string[]> {
    const { rows } = await this.sql.query<{ path: string }>(
      `SELECT path FROM "ImportStagedFile" WHERE "jobId" = $1::uuid ORDER BY seq`,
      [jobId],
    );
    return rows.map((r) => r.path);
  }

  /** Sizes of these staged files, so readers can fetch them in groups of bounded bytes. */
  async sizes(jobId: string, paths: string[]): Promise<Map<string, number>> {
    const { rows } = await this.sql.query<{ path: string; size: number }>(
      `SELECT path, octet_length(content) AS size FROM "ImportStagedFile"
       WHERE "jobId" = $1::uuid AND path = ANY($2::text[])`,
      [jobId, textArray(paths)],
    );
    return new Map(rows.map((r) => [r.path, r.size]));
  }

  async contents(jobId: string, paths: string[]): Promise<{ path: string; content: Buffer }[]> {
    const { rows } = await this.sql.query<{ path: string; content: Buffer }>(
      `SELECT path, content FROM "ImportStagedFile" WHERE "jobId" = $1::uuid AND path = ANY($2::text[])`,
      [jobId, textArray(paths)],
    );
    return rows;
  }

  async deleteForJob(jobId: string): Promise<void> {
    await this.sql.query(`DELETE FROM "ImportStagedFile" WHERE "jobId" = $1::uuid`, [jobId]);
  }
}
