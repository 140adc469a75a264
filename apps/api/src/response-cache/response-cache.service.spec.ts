import type { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import type { SqlPool } from '@pressroom/database';
import { ResponseCache, type CachedResponse } from './response-cache.service.js';

const answer = (text: string): CachedResponse => ({ body: Buffer.from(text), headers: [], storedAt: Date.now() });

function cacheWithCommits(): { cache: ResponseCache; commit: () => void } {
  const env: Partial<Env> = { RESPONSE_CACHE_MAX_BYTES: 100_000, CACHE_MAX_AGE: 60 };
  const config = { get: (name: keyof Env) => env[name] } as unknown as ConfigService<Env, true>;
  const listeners: (() => void)[] = [];
  const sql = { onCommit: (listener: () => void) => (listeners.push(listener), () => undefined) } as unknown as SqlPool;
  const cache = new ResponseCache(config, sql);
  cache.onModuleInit();
  return { cache, commit: () => listeners.forEach((l) => l()) };
}

describe('ResponseCache', () => {
  it('refuses an answer read before the last invalidation', () => {
    const { cache } = cacheWithCommits();
    const readStarted = cache.generation;
    cache.invalidate(); // a mutation landed while the read was running
    cache.set('q', answer('old'), readStarted);
    expect(cache.get('q')).toBeUndefined();
    cache.set('q', answer('new'), cache.generation);
    expect(cache.get('q')?.body.toString()).toBe('new');
  });

  it('forgets every answer when a transaction of the SqlPool commits', () => {
    const { cache, commit } = cacheWithCommits();
    cache.set('q', answer('kept'), cache.generation);
    commit();
    expect(cache.get('q')).toBeUndefined();
  });
});
