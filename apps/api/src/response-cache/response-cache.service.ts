import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { SqlPool } from '@pressroom/database';
import { LRUCache } from 'lru-cache';

/** One stored answer: the bytes and headers the API sent for it. */
export interface CachedResponse {
  body: Buffer;
  /** The headers the GraphQL response set (content type, Cache-Control, Vary), not per-request ones. */
  headers: [string, number | string | string[]][];
  etag?: string;
  storedAt: number;
}

// Counted per entry besides its body and key: the headers, the entry and the LRU's bookkeeping.
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * Anonymous GraphQL answers kept in memory (RESPONSE_CACHE_MAX_BYTES, least recently used
 * evicted) for CACHE_MAX_AGE seconds, the time shared caches may keep them anyway. Every write
 * this process makes (a mutation, a committed import batch) empties it; writes from other
 * processes show once entries expire. A generation counter keeps a read that was running while
 * a write landed from storing what it read before.
 */
@Injectable()
export class ResponseCache implements OnModuleInit, OnModuleDestroy {
  private entries?: LRUCache<string, CachedResponse>;
  private current = 0;
  private unsubscribe?: () => void;

  constructor(
    private readonly config: ConfigService<Env, true>,
    private readonly sql: SqlPool,
  ) {}

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
    this.unsubscribe = this.sql.onCommit(() => this.invalidate());
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  get enabled(): boolean {
    return this.entries !== undefined;
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

  set(key: string, response: CachedResponse, generation: number): void {
    if (generation === this.current) this.entries?.set(key, response);
  }

  /** Forgets every answer: something this process wrote may have changed any of them. */
  invalidate(): void {
    this.current++;
    this.entries?.clear();
  }
}
