import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { ScheduledPublications } from './changes/scheduled-publications.service.js';

/**
 * The periodic work of WEBHOOK_WORKER processes: record scheduled publications whose time came.
 * Ticks never overlap; every step is safe to run in many processes at once.
 */
@Injectable()
export class BackgroundWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BackgroundWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly config: ConfigService<Env, true>,
    private readonly scheduled: ScheduledPublications,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('WEBHOOK_WORKER', { infer: true })) return;
    const every = this.config.get('WEBHOOK_POLL_MS', { infer: true });
    this.timer = setInterval(() => {
      this.ticking ??= this.tick().finally(() => (this.ticking = null));
    }, every);
    this.logger.debug(`checking every ${every} ms`);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  private async tick(): Promise<void> {
    try {
      await this.scheduled.check();
    } catch (error) {
      this.logger.warn(`tick failed: ${(error as Error).message}`);
    }
  }
}
