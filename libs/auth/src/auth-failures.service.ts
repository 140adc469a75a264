import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { PrismaService } from '@pressroom/database';
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyFailuresError } from './auth-errors.js';

const SWEEP_INTERVAL_MS = 5 * 60_000;

/**
 * Counts failed token checks per client address (`req.ip`, so the address a trusted proxy
 * reports; see TRUST_PROXY) in PostgreSQL (the AuthFailure table), so the count is shared by every
 * API replica. An address that reaches AUTH_FAILURE_LIMIT in a window has its further failed
 * checks answered TOO_MANY_REQUESTS until the window ends; a valid token is never refused (see
 * ApiTokensService.viewerFor).
 *
 * The refusal itself is kept in this process's memory, so refused attempts cost no write.
 * Another replica learns of it at the address's next failure there.
 */
@Injectable()
export class AuthFailuresService implements OnModuleInit, OnModuleDestroy {
  private failures!: RateLimiterPrisma;
  private readonly refused = new RateLimiterMemory({ keyPrefix: 'refused', points: 1, duration: 1 });
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  // Not in the constructor: the validated environment reaches ConfigService only once the
  // modules are instantiated.
  onModuleInit(): void {
    this.failures = new RateLimiterPrisma({
      storeClient: this.prisma,
      tableName: 'authFailure',
      keyPrefix: 'token',
      points: this.config.get('AUTH_FAILURE_LIMIT', { infer: true }),
      duration: this.config.get('AUTH_FAILURE_WINDOW_SECONDS', { infer: true }),
      // Its own sweep timer outlives the app (nothing stops it); ours is cleared on shutdown.
      clearExpiredByTimeout: false,
    });
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Throws TOO_MANY_REQUESTS while `address` is refused. */
  async assertAllowed(address: string): Promise<void> {
    const refusal = await this.refused.get(address);
    if (refusal && refusal.consumedPoints > this.refused.points)
      throw new TooManyFailuresError(seconds(refusal.msBeforeNext));
  }

  /** Counts a failure; the one that reaches the limit starts the refusal. */
  async recordFailure(address: string): Promise<void> {
    let state: RateLimiterRes;
    try {
      state = await this.failures.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      state = rejection;
    }
    if (state.consumedPoints >= this.failures.points) await this.refused.block(address, seconds(state.msBeforeNext));
  }

  /** Forgets windows that have ended (a repeat offender's row is reset on its next failure anyway). */
  private async sweep(): Promise<void> {
    await this.prisma.authFailure.deleteMany({ where: { expire: { lt: new Date() } } }).catch(() => undefined);
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
