import { Injectable } from '@nestjs/common';
import { SqlPool } from '@pressroom/database';
import { ArticleChangesRepository } from './article-changes.repository.js';

/**
 * A scheduled article (PUBLISHED, publishedAt ahead) becomes visible without any write: this
 * check, run every WEBHOOK_POLL_MS, records its publication in the changes feed when its time
 * has passed, so the feed and `article.published` tell it then, not when it was scheduled.
 */
@Injectable()
export class ScheduledPublications {
  constructor(
    private readonly sql: SqlPool,
    private readonly changes: ArticleChangesRepository,
  ) {}

  /** How many publications were recorded. */
  check(): Promise<number> {
    return this.sql.transaction(
      async (client) => {
        const cursor = await this.changes.lockCursor(client);
        return this.changes.recordDuePublications(client, cursor.scheduledCheckedAt);
      },
      (recorded) => recorded > 0,
    );
  }
}
