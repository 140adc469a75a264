import { Injectable } from '@nestjs/common';
import { SqlPool, type ApiToken } from '@pressroom/database';

/**
 * The ApiToken statements every authenticated request runs, in plain pg: one round trip each
 * (see bench/api/update-bench.mjs); the rest of the table's use goes through Prisma.
 */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly sql: SqlPool) {}

  async findByHash(secretHash: string): Promise<ApiToken | null> {
    const { rows } = await this.sql.query<ApiToken>(
      `SELECT id, name, role, "secretHash", "createdAt", "lastUsedAt", "revokedAt" FROM "ApiToken" WHERE "secretHash" = $1`,
      [secretHash],
    );
    return rows[0] ?? null;
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE "ApiToken" SET "lastUsedAt" = $1 WHERE id = $2`, [at, id]);
  }
}
