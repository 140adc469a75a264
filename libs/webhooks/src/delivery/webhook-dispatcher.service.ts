import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SqlPool } from '@pressroom/database';
import { ArticleChangesRepository, type ArticleChangeRow } from '../changes/article-changes.repository.js';
import { eventOf } from '../webhooks/webhook-events.js';
import { DeliveriesRepository, type NewDelivery } from './deliveries.repository.js';
import { anyEnabled, redirectsOf, subscribers } from './dispatch-sources.repository.js';

/** Changes turned into deliveries per transaction. */
const DISPATCH_BATCH = 500;

/**
 * Turns the changes feed into webhook deliveries: each new change that is an event (see
 * eventOf) becomes one delivery per enabled webhook subscribed to it, in the feed's commit
 * order, with the cursor moved in the same transaction, so a change is dispatched exactly once
 * however many processes run this.
 */
@Injectable()
export class WebhookDispatcher {
  constructor(
    private readonly sql: SqlPool,
    private readonly changes: ArticleChangesRepository,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  /**
   * How many changes were dispatched (DISPATCH_BATCH at most). With no webhook enabled, none and
   * nothing read: the cursor stays, and the next webhook enabled moves it to the newest change
   * (ArticleChangesRepository.startAtNewChangesIfIdle). Under steady edits this loop runs
   * without pause, so its statements were about one per edit for nothing (issue 15).
   */
  async dispatch(): Promise<number> {
    if (!(await anyEnabled(this.sql))) return 0;
    return this.sql.transaction(
      async (client) => {
        const cursor = await this.changes.lockCursor(client);
        const rows = await this.changes.after(client, cursor.dispatchedChangeId, DISPATCH_BATCH);
        if (!rows.length) return 0;
        const webhooks = await subscribers(client);
        const oldUrls = await redirectsOf(client, [...new Set(rows.map((r) => r.articleId))]);
        const deliveries: NewDelivery[] = [];
        for (const row of rows) {
          const event = eventOf(row);
          const targets = event ? webhooks.filter((w) => w.events.includes(event)) : [];
          if (!event || !targets.length) continue;
          const body = JSON.stringify(articlePayload(event, row, oldUrls.get(row.articleId) ?? []));
          for (const w of targets) deliveries.push({ webhookId: w.id, event, subject: row.articleId, body });
        }
        await this.deliveries.insert(client, deliveries);
        await this.changes.markDispatched(client, rows.at(-1)!.id);
        return rows.length;
      },
      () => false,
    );
  }

  /**
   * Turns the outbox of other events (import.finished, tag.merged; see WebhookEvent) into
   * deliveries, deleting each row in the same transaction: each is dispatched once. Returns how
   * many events were taken.
   */
  dispatchEvents(): Promise<number> {
    return this.sql.transaction(
      async (client) => {
        const events = await this.deliveries.takeEvents(client, DISPATCH_BATCH);
        if (!events.length) return 0;
        const webhooks = await subscribers(client);
        const deliveries: NewDelivery[] = [];
        for (const e of events) {
          const targets = webhooks.filter((w) => w.events.includes(e.event));
          const detail = e.event === 'import.finished' ? { import: e.data } : e.data;
          const body = JSON.stringify({
            id: randomUUID(),
            event: e.event,
            time: new Date(e.at).toISOString(),
            ...detail,
          });
          for (const w of targets) deliveries.push({ webhookId: w.id, event: e.event, subject: e.subject, body });
        }
        await this.deliveries.insert(client, deliveries);
        return events.length;
      },
      () => false,
    );
  }
}

/** The body of an article event: what a receiver needs to rebuild or purge its pages. */
function articlePayload(event: string, row: ArticleChangeRow, oldUrls: string[]) {
  return {
    id: randomUUID(),
    event,
    time: new Date(row.at).toISOString(),
    article: {
      id: row.articleId,
      slug: row.slug,
      ...(row.oldSlug ? { oldSlug: row.oldSlug } : {}),
      status: row.status,
      version: row.version,
      publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
      oldUrls,
    },
  };
}
