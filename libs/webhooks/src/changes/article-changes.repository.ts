import { Injectable } from '@nestjs/common';
import { CONTENT_CHANGED_CHANNEL, SqlPool, type SqlClient } from '@pressroom/database';

/** A row of the changes feed (see migration changes_previews_webhooks). */
export interface ArticleChangeRow {
  /** bigint, as text. */
  id: string;
  articleId: string;
  slug: string;
  oldSlug: string | null;
  kind: 'CREATED' | 'UPDATED' | 'PUBLISHED' | 'UNPUBLISHED' | 'ARCHIVED' | 'DELETED';
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  version: number;
  publishedAt: Date | null;
  visibleBefore: boolean;
  visibleAfter: boolean;
  at: Date;
}

const COLUMNS = `id::text AS id, "articleId", slug, "oldSlug", kind, status, version, "publishedAt", "visibleBefore", "visibleAfter", at`;
/** The key of the lock that orders the feed's ids by commit (the trigger takes the same one). */
const FEED_LOCK = '7316001, 16';
/** How far back the scheduled check looks again, for a schedule committed just after a check. */
const SCHEDULE_OVERLAP = "interval '5 minutes'";

/**
 * The SQL of the changes feed. Rows are written by the Article trigger in commit order; they are
 * read on the primary, where every id below a visible one is committed.
 */
@Injectable()
export class ArticleChangesRepository {
  constructor(private readonly sql: SqlPool) {}

  /** Up to `limit` changes after `sinceId`, oldest first; `publicOnly`: only those anonymous readers could see. */
  async page(sinceId: string, limit: number, publicOnly: boolean): Promise<ArticleChangeRow[]> {
    const { rows } = await this.sql.query<ArticleChangeRow>(
      `SELECT ${COLUMNS} FROM "ArticleChange"
        WHERE id > $1::bigint ${publicOnly ? 'AND ("visibleBefore" OR "visibleAfter")' : ''}
        ORDER BY "ArticleChange".id LIMIT $2`,
      [sinceId, limit],
    );
    return rows;
  }

  async after(client: SqlClient, sinceId: string, limit: number): Promise<ArticleChangeRow[]> {
    const { rows } = await client.query<ArticleChangeRow>(
      `SELECT ${COLUMNS} FROM "ArticleChange" WHERE id > $1::bigint ORDER BY "ArticleChange".id LIMIT $2`,
      [sinceId, limit],
    );
    return rows;
  }

  /**
   * The bookkeeping row, locked for this transaction: the check and the dispatcher run in one
   * process at a time, however many run them. A new row starts the dispatcher at the beginning
   * of the log; the first webhook created moves it to the newest change (startAtNewChangesIfIdle),
   * so changes made after it and before any worker ran are dispatched when one does.
   */
  async lockCursor(client: SqlClient): Promise<{ scheduledCheckedAt: Date; dispatchedChangeId: string }> {
    await client.query(
      `INSERT INTO "ChangeCursor" (id, "scheduledCheckedAt", "dispatchedChangeId")
       VALUES (1, now() - interval '1 day', 0) ON CONFLICT (id) DO NOTHING`,
    );
    const { rows } = await client.query<{ scheduledCheckedAt: Date; dispatchedChangeId: string }>(
      `SELECT "scheduledCheckedAt", "dispatchedChangeId"::text AS "dispatchedChangeId" FROM "ChangeCursor" WHERE id = 1 FOR UPDATE`,
    );
    return rows[0]!;
  }

  /**
   * Called before a webhook is created or enabled. While no webhook is enabled the dispatcher
   * does not read the feed (WebhookDispatcher.dispatch), so the cursor stays where it was: the
   * first webhook enabled since then moves it to the newest change, and receives the changes
   * committed from now on (each gets a higher id: ids follow commit order), none from before.
   * With another webhook enabled the dispatcher keeps the cursor current and it is left alone.
   */
  startAtNewChangesIfIdle(exceptWebhookId?: string): Promise<void> {
    return this.sql.transaction(
      async (client) => {
        await this.lockCursor(client);
        await client.query(
          `UPDATE "ChangeCursor" SET "dispatchedChangeId" = GREATEST("dispatchedChangeId", (SELECT coalesce(max(id), 0) FROM "ArticleChange"))
            WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM "Webhook" WHERE enabled AND id IS DISTINCT FROM $1::uuid)`,
          [exceptWebhookId ?? null],
        );
      },
      () => false,
    );
  }

  async markDispatched(client: SqlClient, changeId: string): Promise<void> {
    await client.query(`UPDATE "ChangeCursor" SET "dispatchedChangeId" = $1::bigint WHERE id = 1`, [changeId]);
  }

  /**
   * Records the publication of scheduled articles whose time has come since the last check: a
   * PUBLISHED change that anonymous readers can now see (the write that scheduled it was not
   * visible then). An article already recorded visible at its version is not recorded again.
   * Call with the cursor locked (lockCursor).
   */
  async recordDuePublications(client: SqlClient, checkedAt: Date): Promise<number> {
    const { rows } = await client.query<{ now: Date }>(`SELECT clock_timestamp() AS now`);
    const now = rows[0]!.now;
    await client.query(`SELECT pg_advisory_xact_lock(${FEED_LOCK})`);
    const inserted = await client.query(
      `INSERT INTO "ArticleChange" ("articleId", slug, kind, status, version, "publishedAt", "visibleBefore", "visibleAfter", at)
       SELECT a.id, a.slug, 'PUBLISHED', a.status, a.version, a."publishedAt", false, true, clock_timestamp() FROM "Article" a
        WHERE a.status = 'PUBLISHED' AND a."publishedAt" > $1::timestamptz - ${SCHEDULE_OVERLAP} AND a."publishedAt" <= $2
          AND NOT EXISTS (SELECT 1 FROM "ArticleChange" c WHERE c."articleId" = a.id AND c.version = a.version AND c."visibleAfter")
        ORDER BY a."publishedAt", a.id`,
      [checkedAt, now],
    );
    await client.query(`UPDATE "ChangeCursor" SET "scheduledCheckedAt" = $1 WHERE id = 1`, [now]);
    // What anonymous readers get from `changes` changed: every replica's response cache forgets.
    if (inserted.rowCount) await client.query(`SELECT pg_notify($1, '')`, [CONTENT_CHANGED_CHANNEL]);
    return inserted.rowCount ?? 0;
  }
}
