import type { SqlClient, Tag as TagRow } from '@pressroom/database';

/**
 * Records `tag.merged` for webhooks in the merge's own transaction (the WebhookEvent outbox,
 * see @pressroom/webhooks), so the event exists iff the merge committed. Each moved article
 * also gets its own change (a new version) in the changes feed.
 */
export async function recordTagMerged(
  client: SqlClient,
  target: TagRow,
  sources: TagRow[],
  articleCount: number,
): Promise<void> {
  const tag = (t: TagRow) => ({ id: t.id, slug: t.slug, name: t.name, kind: t.kind });
  await client.query(`INSERT INTO "WebhookEvent" (event, subject, data) VALUES ('tag.merged', $1, $2::jsonb)`, [
    `tag:${target.id}`,
    JSON.stringify({ target: tag(target), sources: sources.map(tag), articleCount }),
  ]);
}
