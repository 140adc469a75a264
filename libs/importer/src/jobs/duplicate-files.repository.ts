import { Injectable } from '@nestjs/common';
import { SqlPool, type SqlClient } from '@pressroom/database';
import type { ItemRecord } from './import-counts.js';

/** The table below, which a job's skipped duplicates grow (see PlannerStatistics). */
export const DUPLICATE_FILE_TABLES = ['"ImportDuplicateFile"'];

/** A file skipped as a duplicate, as it was then (see ImportDuplicateFile in the schema). */
export interface DuplicateFile {
  path: string;
  contentHash: string;
  importKey: string;
  /** The file's own parse warnings. */
  warnings: ItemRecord['warnings'];
}

/** The raw SQL of ImportDuplicateFile: what lets a re-import settle a skipped file by hash. */
@Injectable()
export class DuplicateFilesRepository {
  constructor(private readonly sql: SqlPool) {}

  async find(paths: string[]): Promise<DuplicateFile[]> {
    if (!paths.length) return [];
    const { rows } = await this.sql.query<DuplicateFile & { warnings: DuplicateFile['warnings'] | null }>(
      `SELECT path, "contentHash", "importKey", warnings FROM "ImportDuplicateFile" WHERE path = ANY($1::text[])`,
      [paths],
    );
    return rows.map((r) => ({ ...r, warnings: r.warnings ?? [] }));
  }

  /** Remembers these files, replacing what an earlier import remembered of the same paths. */
  async record(tx: SqlClient, files: DuplicateFile[]): Promise<void> {
    if (!files.length) return;
    await tx.query(
      `INSERT INTO "ImportDuplicateFile" (path, "contentHash", "importKey", warnings)
       SELECT p, h, k, w::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(p, h, k, w)
       ON CONFLICT (path) DO UPDATE
         SET "contentHash" = excluded."contentHash", "importKey" = excluded."importKey", warnings = excluded.warnings`,
      [
        files.map((f) => f.path),
        files.map((f) => f.contentHash),
        files.map((f) => f.importKey),
        files.map((f) => (f.warnings.length ? JSON.stringify(f.warnings) : null)),
      ],
    );
  }
}
