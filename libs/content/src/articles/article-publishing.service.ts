import { Injectable } from '@nestjs/common';
import { ArticleStatus, type Article as ArticleRow } from '@pressroom/database';
import { ArticleWriter } from './article-writer.service.js';

type Publication = Pick<ArticleRow, 'status' | 'publishedAt'>;

/**
 * Status changes. Scheduling needs no job: a PUBLISHED article whose publishedAt is in the future
 * is hidden from anonymous readers by the read filters until that moment passes.
 */
@Injectable()
export class ArticlePublishingService {
  constructor(private readonly writer: ArticleWriter) {}

  /**
   * PUBLISHED from `at`: now when not given, except that a published article keeps its date
   * (publishing it again changes nothing); an undated one gets now. One statement when it
   * applies (ArticleWriter.savePublication, the same rules in SQL); else, for each case it leaves
   * (no such article, a stale version, a save in between), the general path's answer.
   */
  async publish(
    id: string,
    at: Date | undefined,
    expectedVersion: number | undefined,
    actor: string,
  ): Promise<ArticleRow> {
    const saved = await this.writer.savePublication(id, expectedVersion, at, actor);
    if (saved) return saved;
    return this.transition(id, expectedVersion, actor, 'publish', (current) => ({
      status: ArticleStatus.PUBLISHED,
      publishedAt:
        at ?? (current.status === ArticleStatus.PUBLISHED ? (current.publishedAt ?? new Date()) : new Date()),
    }));
  }

  /** Back to DRAFT (a scheduled article is unscheduled); publishedAt is kept as a record. */
  unpublish(id: string, expectedVersion: number | undefined, actor: string): Promise<ArticleRow> {
    return this.transition(id, expectedVersion, actor, 'unpublish', (current) => ({
      status: ArticleStatus.DRAFT,
      publishedAt: current.publishedAt,
    }));
  }

  /** Out of the published list for good, but kept, with its history, for editors. */
  archive(id: string, expectedVersion: number | undefined, actor: string): Promise<ArticleRow> {
    return this.transition(id, expectedVersion, actor, 'archive', (current) => ({
      status: ArticleStatus.ARCHIVED,
      publishedAt: current.publishedAt,
    }));
  }

  private transition(
    id: string,
    expectedVersion: number | undefined,
    actor: string,
    action: string,
    change: (current: ArticleRow) => Publication,
  ): Promise<ArticleRow> {
    return this.writer.edit(id, expectedVersion, actor, action, ({ article }) => {
      const next = change(article);
      const unchanged =
        next.status === article.status && next.publishedAt?.getTime() === article.publishedAt?.getTime();
      return unchanged ? null : { content: { ...article, ...next } };
    });
  }
}
