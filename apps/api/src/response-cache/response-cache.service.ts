import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { ContentChanges, DatabasePool, SqlPool } from '@pressroom/database';
import { LRUCache } from 'lru-cache';
import { ReplicaCatchUp } from './replica-catch-up.js';

/** One stored answer: the bytes and headers the API sent for it. */
export interface CachedResponse {
  body: Buffer;
  /** The headers the GraphQL response set (content type, Cache-Control, Vary), not per-request ones. */
  headers: [string, number | string | string[]][];
  storedAt: number;
}

// Counted per entry besides its body and key: the headers, the entry and the LRU's bookkeeping.
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * Anonymous GraphQL answers kept in memory (RESPONSE_CACHE_MAX_BYTES, least recently used
 * evicted) for as long as their Cache-Control lets shared caches keep them (at most
 * CACHE_MAX_AGE, less before a scheduled publication: PublicationHorizon). Emptied by every
 * content write: at once for this process's own (a mutation, a committed import batch), within
 * moments for anyone's through ContentChanges (LISTEN/NOTIFY). While that connection is down
 * the cache is bypassed, since writes elsewhere would go unseen. A generation counter keeps a
 * read that was running while a write landed from storing what it read before. With a read
 * replica, nothing is stored after a write until the replica has replayed it (ReplicaCatchUp),
 * and reads that ran before then are refused too.
 */
@Injectable()
export class ResponseCache implements OnModuleInit, OnModuleDestroy {
  private entries?: LRUCache<string, CachedResponse>;
  private current = 0;
  private unsubscribe: (() => void)[] = [];
  private readonly replica: ReplicaCatchUp | null;

  constructor(
    private readonly config: ConfigService<Env, true>,
    private readonly sql: SqlPool,
    private readonly changes: ContentChanges,
    database: DatabasePool,
  ) {
    this.replica = database.hasReplica ? new ReplicaCatchUp(database, () => this.current++) : null;
  }

  // Not in the constructor: the validated environment reaches ConfigService only once the
  // modules are instantiated.
  onModuleInit(): void {
    const maxSize = this.config.get('RESPONSE_CACHE_MAX_BYTES', { infer: true });
    const maxAge = this.config.get('CACHE_MAX_AGE', { infer: true });
    if (maxSize > 0 && maxAge > 0) {
      this.entries = new LRUCache<string, CachedResponse>({
        maxSize,
        ttl: maxAge * 1000,
        sizeCalculation: (entry, key) => entry.body.length + key.length * 2 + ENTRY_OVERHEAD_BYTES,
      });
    }
    // Own writes locally too: a client that reads right after its mutation's answer must not
    // depend on the notification having arrived first.
    this.unsubscribe = [this.sql.onCommit(() => this.invalidate()), this.changes.onChange(() => this.invalidate())];
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.replica?.close();
  }

  /** Whether answers are looked up and kept: configured on, and hearing of every write. */
  get enabled(): boolean {
    return this.entries !== undefined && this.changes.listening;
  }

  /** What the stored answers count for against RESPONSE_CACHE_MAX_BYTES. */
  get bytes(): number {
    return this.entries?.calculatedSize ?? 0;
  }

  /** Changes with every invalidation; `set` refuses answers read under an older one. */
  get generation(): number {
    return this.current;
  }

  get(key: string): CachedResponse | undefined {
    return this.entries?.get(key);
  }

  /** Keeps `response` for `ttlMs` (its Cache-Control max-age), unless a write landed since `generation`. */
  set(key: string, response: CachedResponse, generation: number, ttlMs: number): void {
    if (generation === this.current && ttlMs > 0 && this.changes.listening && !this.replica?.behind)
      this.entries?.set(key, response, { ttl: ttlMs });
  }

  /** Forgets every answer: a write may have changed any of them. */
  invalidate(): void {
    this.current++;
    this.entries?.clear();
    this.replica?.follow();
  }
}
