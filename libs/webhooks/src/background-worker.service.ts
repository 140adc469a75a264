import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { ScheduledPublications } from './changes/scheduled-publications.service.js';
import { WebhookDispatcher } from './delivery/webhook-dispatcher.service.js';
import { WebhookSender } from './delivery/webhook-sender.service.js';

/**
 * The periodic work of WEBHOOK_WORKER processes: record scheduled publications whose time came,
 * turn new changes into webhook deliveries, send the due ones.
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
    private readonly dispatcher: WebhookDispatcher,
    private readonly sender: WebhookSender,
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
    await this.sender.drain();
  }

  private async tick(): Promise<void> {
    try {
      await this.scheduled.check();
      let dispatched = await this.dispatcher.dispatch();
      while (dispatched > 0 && this.timer) dispatched = await this.dispatcher.dispatch();
      await this.dispatcher.dispatchEvents();
      await this.sender.sendDue();
    } catch (error) {
      this.logger.warn(`tick failed: ${(error as Error).message}`);
    }
  }
}
