import { Injectable } from '@nestjs/common';
import { SqlPool } from '@pressroom/database';

export interface PreviewTokenRow {
  id: string;
  articleId: string;
  secretHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** The PreviewToken statements: one lookup per previewing request, in plain pg. */
@Injectable()
export class PreviewTokensRepository {
  constructor(private readonly sql: SqlPool) {}

  async insert(articleId: string, secretHash: string, ttlSeconds: number, createdBy: string | null): Promise<Date> {
    const { rows } = await this.sql.query<{ expiresAt: Date }>(
      `INSERT INTO "PreviewToken" (id, "articleId", "secretHash", "createdBy", "expiresAt")
       VALUES (gen_random_uuid(), $1::uuid, $2, $3, now() + make_interval(secs => $4)) RETURNING "expiresAt"`,
      [articleId, secretHash, createdBy, ttlSeconds],
    );
    return rows[0]!.expiresAt;
  }

  /** The token of this hash while it is usable (not expired, not revoked), else null. */
  async findUsable(secretHash: string): Promise<PreviewTokenRow | null> {
    const { rows } = await this.sql.query<PreviewTokenRow>(
      `SELECT id, "articleId", "secretHash", "expiresAt", "revokedAt" FROM "PreviewToken"
        WHERE "secretHash" = $1 AND "revokedAt" IS NULL AND "expiresAt" > now()`,
      [secretHash],
    );
    return rows[0] ?? null;
  }

  /** Revokes every live token of the article; returns how many. Expired ones go at the same time. */
  async revokeAll(articleId: string): Promise<number> {
    await this.sql.query(`DELETE FROM "PreviewToken" WHERE "expiresAt" < now() - interval '1 day'`);
    const { rowCount } = await this.sql.query(
      `UPDATE "PreviewToken" SET "revokedAt" = now() WHERE "articleId" = $1::uuid AND "revokedAt" IS NULL AND "expiresAt" > now()`,
      [articleId],
    );
    return rowCount ?? 0;
  }
}
