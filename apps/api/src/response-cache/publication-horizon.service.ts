import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { ArticlesService } from '@pressroom/content';
import { ContentChanges } from '@pressroom/database';
import { ResponseCache } from './response-cache.service.js';

interface Lookup {
  generation: number;
  at: Promise<Date | null>;
  settled?: Date | null;
}

/**
 * How long an anonymous answer may be kept, here and by shared caches: CACHE_MAX_AGE, cut short
 * by the next scheduled publication (a PUBLISHED article whose publishedAt is ahead), which
 * changes what readers see without any write. Its time is read once per cache generation (any
 * content write changes it) and again once it has passed; shared by the requests meanwhile.
 */
@Injectable()
export class PublicationHorizon {
  private readonly logger = new Logger(PublicationHorizon.name);
  private lookup?: Lookup;

  constructor(
    private readonly config: ConfigService<Env, true>,
    private readonly articles: ArticlesService,
    private readonly cache: ResponseCache,
    private readonly changes: ContentChanges,
  ) {}

  /**
   * When the next scheduled publication is due (epoch ms), null when none is. Ask before the
   * query runs: what it reads then stays right until that time. A schedule that cannot be read
   * counts as due now, so the answer is not kept.
   */
  async nextPublication(): Promise<number | null> {
    try {
      return (await this.lookupNext())?.getTime() ?? null;
    } catch (error) {
      this.logger.warn(`next scheduled publication unknown, answer not cacheable: ${(error as Error).message}`);
      return Date.now();
    }
  }

  /** Whole seconds an answer may be kept from now: CACHE_MAX_AGE, rounded down to `next`. */
  maxAgeSeconds(next: number | null): number {
    const maxAge = this.config.get('CACHE_MAX_AGE', { infer: true });
    if (next === null) return Math.max(0, maxAge);
    return Math.max(0, Math.min(maxAge, Math.floor((next - Date.now()) / 1000)));
  }

  private lookupNext(): Promise<Date | null> {
    const generation = this.cache.generation;
    const known = this.lookup;
    const passed = !!known?.settled && known.settled.getTime() <= Date.now();
    // Without LISTEN a schedule written elsewhere would go unseen: read it every time then.
    if (known?.generation === generation && !passed && this.changes.listening) return known.at;
    const lookup: Lookup = { generation, at: this.articles.nextScheduledPublication() };
    lookup.at.then(
      (at) => (lookup.settled = at),
      () => {
        if (this.lookup === lookup) this.lookup = undefined;
      },
    );
    this.lookup = lookup;
    return lookup.at;
  }
}
