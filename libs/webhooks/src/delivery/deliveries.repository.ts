import { Injectable } from '@nestjs/common';
import { SqlPool, type SqlClient } from '@pressroom/database';

export interface NewDelivery {
  webhookId: string;
  event: string;
  subject: string;
  body: string;
}

export interface OutboxEvent {
  id: string;
  event: string;
  subject: string;
  data: Record<string, unknown>;
  at: Date;
}

export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  event: string;
  body: string;
  attemptCount: number;
  firstAttemptAt: Date;
  url: string;
  secret: string;
}

export interface AttemptResult {
  ok: boolean;
  code: number | null;
  durationMs: number;
  error: string | null;
  excerpt: string | null;
}

export interface DeliveryRow {
  id: string;
  seq: string;
  webhookId: string;
  event: string;
  subject: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  attemptCount: number;
  nextAttemptAt: Date;
  createdAt: Date;
  redeliveryOf: string | null;
  attempts: {
    status: string;
    code: number | null;
    durationMs: number;
    error: string | null;
    excerpt: string | null;
    at: string;
  }[];
}

const DELIVERY_COLUMNS = `d.id, d.seq::text AS seq, d."webhookId", d.event, d.subject, d.status, d."attemptCount",
  d."nextAttemptAt", d."createdAt", d."redeliveryOf",
  COALESCE((SELECT json_agg(json_build_object('status', x.status, 'code', x.code, 'durationMs', x."durationMs",
      'error', x.error, 'excerpt', x.excerpt, 'at', x.at) ORDER BY x.at, x.id)
    FROM "WebhookDeliveryAttempt" x WHERE x."deliveryId" = d.id), '[]') AS attempts`;

/** The deliveries table is the queue of webhook calls: written by the dispatcher, claimed by senders. */
@Injectable()
export class DeliveriesRepository {
  constructor(private readonly sql: SqlPool) {}

  /** Inserts in the order given: `seq` then follows it, which is the order each subject is sent in. */
  async insert(client: SqlClient, deliveries: NewDelivery[]): Promise<void> {
    if (!deliveries.length) return;
    await client.query(
      `INSERT INTO "WebhookDelivery" (id, "webhookId", event, subject, body)
       SELECT gen_random_uuid(), w, e, s, b FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(w, e, s, b, n)
       ORDER BY n`,
      [
        deliveries.map((d) => d.webhookId),
        deliveries.map((d) => d.event),
        deliveries.map((d) => d.subject),
        deliveries.map((d) => d.body),
      ],
    );
  }

  /**
   * Takes up to `limit` due deliveries, each the oldest unfinished one of its (webhook, subject)
   * and not held by another sender, and holds them for `leaseMs`: deliveries of one article go
   * out one at a time, in order, and any number of processes may claim side by side (a second
   * claimant of the same row finds it held when its UPDATE gets the row and skips it).
   */
  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const { rows } = await this.sql.query<ClaimedDelivery>(
      `WITH head AS (
         SELECT DISTINCT ON (d."webhookId", d.subject) d.id, d."nextAttemptAt", d."leaseUntil"
           FROM "WebhookDelivery" d JOIN "Webhook" w ON w.id = d."webhookId" AND w.enabled
          WHERE d.status = 'PENDING'
          ORDER BY d."webhookId", d.subject, d.seq
       ), due AS (
         SELECT id FROM head WHERE "nextAttemptAt" <= now() AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
          ORDER BY "nextAttemptAt" LIMIT $1
       )
       UPDATE "WebhookDelivery" d
          SET "leaseUntil" = now() + make_interval(secs => $2::double precision / 1000),
              "attemptCount" = d."attemptCount" + 1,
              "firstAttemptAt" = COALESCE(d."firstAttemptAt", now())
         FROM due, "Webhook" w
        WHERE d.id = due.id AND w.id = d."webhookId" AND d.status = 'PENDING'
          AND (d."leaseUntil" IS NULL OR d."leaseUntil" < now())
       RETURNING d.id, d."webhookId", d.event, d.body, d."attemptCount", d."firstAttemptAt", w.url, w.secret`,
      [limit, leaseMs],
    );
    return rows;
  }

  /**
   * Records an attempt and what follows: done, another try at `retryAt`, or (retryAt null after
   * a failure) given up, which disables the webhook with `disabledReason`.
   */
  async record(
    delivery: ClaimedDelivery,
    result: AttemptResult,
    retryAt: Date | null,
    disabledReason: string,
  ): Promise<void> {
    const status = result.ok ? 'SUCCEEDED' : retryAt ? 'PENDING' : 'FAILED';
    await this.sql.transaction(
      async (client) => {
        await client.query(
          `INSERT INTO "WebhookDeliveryAttempt" (id, "deliveryId", status, code, "durationMs", error, excerpt)
         VALUES (gen_random_uuid(), $1, $2::"WebhookDeliveryStatus", $3, $4, $5, $6)`,
          [
            delivery.id,
            result.ok ? 'SUCCEEDED' : 'FAILED',
            result.code,
            result.durationMs,
            result.error,
            result.excerpt,
          ],
        );
        await client.query(
          `UPDATE "WebhookDelivery" SET status = $2::"WebhookDeliveryStatus", "nextAttemptAt" = COALESCE($3, "nextAttemptAt"), "leaseUntil" = NULL
          WHERE id = $1`,
          [delivery.id, status, retryAt],
        );
        if (status === 'FAILED') {
          await client.query(
            `UPDATE "Webhook" SET enabled = false, "disabledReason" = $2, "disabledAt" = now(), "updatedAt" = now()
            WHERE id = $1 AND enabled`,
            [delivery.webhookId, disabledReason],
          );
        }
      },
      () => false,
    );
  }

  /** Takes (deletes) up to `limit` outbox events, oldest first; another dispatcher skips the rows taken. */
  async takeEvents(client: SqlClient, limit: number): Promise<OutboxEvent[]> {
    const { rows } = await client.query<OutboxEvent>(
      `DELETE FROM "WebhookEvent" WHERE id IN (SELECT id FROM "WebhookEvent" ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id::text AS id, event, subject, data, at`,
      [limit],
    );
    return rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  }

  /** A page of a webhook's deliveries, newest first, keyed by seq; `take + 1` rows. */
  async page(webhookId: string, beforeSeq: string | null, take: number, backward: boolean): Promise<DeliveryRow[]> {
    const { rows } = await this.sql.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM "WebhookDelivery" d
        WHERE d."webhookId" = $1::uuid AND ($2::bigint IS NULL OR d.seq ${backward ? '>' : '<'} $2::bigint)
        ORDER BY d.seq ${backward ? 'ASC' : 'DESC'} LIMIT $3`,
      [webhookId, beforeSeq, take],
    );
    return rows;
  }

  async count(webhookId: string): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "WebhookDelivery" WHERE "webhookId" = $1::uuid`,
      [webhookId],
    );
    return rows[0]?.n ?? 0;
  }

  /** A new delivery of the same event (same body and event id) to the same webhook; null when none. */
  async redeliver(deliveryId: string): Promise<DeliveryRow | null> {
    const { rows } = await this.sql.query<{ id: string }>(
      `INSERT INTO "WebhookDelivery" (id, "webhookId", event, subject, body, "redeliveryOf")
       SELECT gen_random_uuid(), "webhookId", event, subject, body, id FROM "WebhookDelivery" WHERE id = $1::uuid
       RETURNING id`,
      [deliveryId],
    );
    return rows[0] ? this.get(rows[0].id) : null;
  }

  async get(id: string): Promise<DeliveryRow | null> {
    const { rows } = await this.sql.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM "WebhookDelivery" d WHERE d.id = $1::uuid`,
      [id],
    );
    return rows[0] ?? null;
  }
}
