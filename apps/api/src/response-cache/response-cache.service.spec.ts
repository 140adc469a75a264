import type { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import type { ContentChanges, DatabasePool, SqlPool } from '@pressroom/database';
import { ResponseCache, type CachedResponse } from './response-cache.service.js';

const answer = (text: string): CachedResponse => ({ body: Buffer.from(text), headers: [], storedAt: Date.now() });

const TTL = 60_000;

/** A cache with stand-ins for the two sources of invalidation: local commits and notifications. */
function cacheWithCommits(replica?: { replayed: boolean }): {
  cache: ResponseCache;
  commit: () => void;
  notify: (listening?: boolean) => void;
} {
  const env: Partial<Env> = { RESPONSE_CACHE_MAX_BYTES: 100_000, CACHE_MAX_AGE: 60 };
  const config = { get: (name: keyof Env) => env[name] } as unknown as ConfigService<Env, true>;
  const commits: (() => void)[] = [];
  const notifications: (() => void)[] = [];
  const sql = { onCommit: (listener: () => void) => (commits.push(listener), () => undefined) } as unknown as SqlPool;
  const changes = {
    listening: true,
    onChange: (listener: () => void) => (notifications.push(listener), () => undefined),
  };
  const database = {
    hasReplica: replica !== undefined,
    primaryWalPosition: () => Promise.resolve('0/10'),
    replicaReplayed: () => Promise.resolve(replica?.replayed ?? true),
  } as unknown as DatabasePool;
  const cache = new ResponseCache(config, sql, changes as unknown as ContentChanges, database);
  cache.onModuleInit();
  return {
    cache,
    commit: () => commits.forEach((l) => l()),
    notify: (listening = true) => {
      changes.listening = listening;
      notifications.forEach((l) => l());
    },
  };
}

describe('ResponseCache', () => {
  it('refuses an answer read before the last invalidation', () => {
    const { cache } = cacheWithCommits();
    const readStarted = cache.generation;
    cache.invalidate(); // a mutation landed while the read was running
    cache.set('q', answer('old'), readStarted, TTL);
    expect(cache.get('q')).toBeUndefined();
    cache.set('q', answer('new'), cache.generation, TTL);
    expect(cache.get('q')?.body.toString()).toBe('new');
  });

  it('with a read replica, stores nothing read before the replica replayed the last write', async () => {
    const replica = { replayed: false };
    const { cache, notify } = cacheWithCommits(replica);
    notify();
    const duringLag = cache.generation;
    await new Promise((resolve) => setTimeout(resolve, 30));
    cache.set('q', answer('stale'), duringLag, TTL);
    expect(cache.get('q')).toBeUndefined();
    replica.replayed = true;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    cache.set('q', answer('stale'), duringLag, TTL); // read on the replica before it caught up
    expect(cache.get('q')).toBeUndefined();
    cache.set('q', answer('fresh'), cache.generation, TTL);
    expect(cache.get('q')?.body.toString()).toBe('fresh');
    cache.onModuleDestroy();
  });

  it('forgets every answer when a transaction of the SqlPool commits', () => {
    const { cache, commit } = cacheWithCommits();
    cache.set('q', answer('kept'), cache.generation, TTL);
    commit();
    expect(cache.get('q')).toBeUndefined();
  });

  it('forgets every answer when another process commits a content change', () => {
    const { cache, notify } = cacheWithCommits();
    cache.set('q', answer('kept'), cache.generation, TTL);
    notify();
    expect(cache.get('q')).toBeUndefined();
  });

  it('is bypassed while it cannot hear of changes, and starts empty when it can again', () => {
    const { cache, notify } = cacheWithCommits();
    cache.set('q', answer('before'), cache.generation, TTL);
    notify(false); // the LISTEN connection is lost
    expect(cache.enabled).toBe(false);
    cache.set('q', answer('during'), cache.generation, TTL);
    notify(true); // back: what was written meanwhile is unknown
    expect(cache.enabled).toBe(true);
    expect(cache.get('q')).toBeUndefined();
  });

  it('keeps an answer only for its max-age', () => {
    const { cache } = cacheWithCommits();
    cache.set('gone', answer('x'), cache.generation, 0);
    cache.set('brief', answer('y'), cache.generation, 1);
    expect(cache.get('gone')).toBeUndefined();
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(cache.get('brief')).toBeUndefined();
        resolve();
      }, 20),
    );
  });
});
