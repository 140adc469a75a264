import type { ApiToken } from '@pressroom/database';

/** How long a verified token is trusted without asking the database again. */
export const VERIFIED_TOKEN_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/** What tells the cache that tokens changed (ContentChanges, in the API process). */
export interface TokenChangeSignal {
  readonly listening: boolean;
  onTokensChange(listener: () => void): () => void;
}

/**
 * The valid tokens this process has looked up, by secret hash, for VERIFIED_TOKEN_TTL_MS. Only
 * while `signal` is listening: a revocation anywhere empties it as soon as its notification
 * arrives, and while the connection is down nothing is kept. A lookup that began before a
 * change is not kept (the generation moved), so a revocation racing a lookup cannot be undone.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { token: ApiToken; until: number }>();
  private generationCounter = 0;

  constructor(private readonly signal?: TokenChangeSignal) {
    signal?.onTokensChange(() => this.clear());
  }

  /** The number to hand back to set(): what the cache knew when a lookup began. */
  get generation(): number {
    return this.generationCounter;
  }

  get(hash: string, now = Date.now()): ApiToken | undefined {
    if (!this.signal?.listening) return undefined;
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until > now) return entry.token;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, token: ApiToken, generation: number, now = Date.now()): void {
    if (!this.signal?.listening || generation !== this.generationCounter) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash, { token, until: now + VERIFIED_TOKEN_TTL_MS });
  }

  clear(): void {
    this.generationCounter++;
    this.entries.clear();
  }
}
