import type { SqlClient, SqlPool } from '@pressroom/database';

/** Whether any webhook is enabled: with none, the feed need not be read (see WebhookDispatcher.dispatch). */
export async function anyEnabled(db: Pick<SqlPool, 'query'>): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Webhook" WHERE enabled) AS any`);
  return rows[0]!.any;
}

/** The enabled webhooks and the events each wants, oldest first. */
export async function subscribers(client: SqlClient): Promise<{ id: string; events: string[] }[]> {
  const { rows } = await client.query<{ id: string; events: string[] }>(
    `SELECT id, events FROM "Webhook" WHERE enabled ORDER BY "createdAt", id`,
  );
  return rows;
}

/** The old URL paths (Redirect rows) of each article; a deleted article has none left. */
export async function redirectsOf(client: SqlClient, articleIds: string[]): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ articleId: string; paths: string[] }>(
    `SELECT "articleId", array_agg(path ORDER BY path) AS paths FROM "Redirect" WHERE "articleId" = ANY($1::uuid[]) GROUP BY 1`,
    [articleIds],
  );
  return new Map(rows.map((r) => [r.articleId, r.paths]));
}
