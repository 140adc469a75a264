import type { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import type { ArticlesService } from '@pressroom/content';
import type { ContentChanges } from '@pressroom/database';
import { PublicationHorizon } from './publication-horizon.service.js';
import type { ResponseCache } from './response-cache.service.js';

/** A horizon over a schedule the test sets, counting how often it is read. */
function horizonOver(schedule: { next: Date | null }) {
  const config = { get: () => 60 } as unknown as ConfigService<Env, true>;
  const cache = { generation: 0 };
  const changes = { listening: true };
  let lookups = 0;
  const articles = {
    nextScheduledPublication: async () => (lookups++, schedule.next),
  } as unknown as ArticlesService;
  const horizon = new PublicationHorizon(
    config,
    articles,
    cache as unknown as ResponseCache,
    changes as unknown as ContentChanges,
  );
  return { horizon, cache, changes, lookups: () => lookups };
}

describe('PublicationHorizon', () => {
  it('rounds max-age down to the next scheduled publication, and keeps CACHE_MAX_AGE without one', () => {
    const { horizon } = horizonOver({ next: null });
    const now = Date.now();
    expect(horizon.maxAgeSeconds(null)).toBe(60);
    expect(horizon.maxAgeSeconds(now + 2_999)).toBe(2);
    expect(horizon.maxAgeSeconds(now + 999)).toBe(0);
    expect(horizon.maxAgeSeconds(now + 600_000)).toBe(60);
    expect(horizon.maxAgeSeconds(now - 1)).toBe(0);
  });

  it('reads the schedule once per cache generation, again once it has passed or while not listening', async () => {
    const schedule: { next: Date | null } = { next: new Date(Date.now() + 60_000) };
    const { horizon, cache, changes, lookups } = horizonOver(schedule);
    await Promise.all([horizon.nextPublication(), horizon.nextPublication()]);
    await horizon.nextPublication();
    expect(lookups()).toBe(1);
    cache.generation++; // a content change
    expect(await horizon.nextPublication()).toBe(schedule.next!.getTime());
    expect(lookups()).toBe(2);
    schedule.next = new Date(Date.now() + 30);
    cache.generation++;
    await horizon.nextPublication();
    await new Promise((resolve) => setTimeout(resolve, 40)); // what was read has passed
    await horizon.nextPublication();
    expect(lookups()).toBe(4);
    schedule.next = null;
    await horizon.nextPublication();
    changes.listening = false;
    await horizon.nextPublication();
    expect(lookups()).toBe(6);
  });

  it('counts a schedule it cannot read as due now, so the answer is not kept', async () => {
    const { horizon } = horizonOver({ next: null });
    (horizon as unknown as { articles: ArticlesService }).articles.nextScheduledPublication = () =>
      Promise.reject(new Error('database unavailable'));
    const next = await horizon.nextPublication();
    expect(horizon.maxAgeSeconds(next)).toBe(0);
  });
});
