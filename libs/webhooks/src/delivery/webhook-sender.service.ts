import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { DeliveriesRepository, type ClaimedDelivery } from './deliveries.repository.js';
import { deliver, type DeliveryOutcome } from './http-delivery.js';
import { signatureHeader } from './signature.js';

/** The longest wait between two tries of a delivery. */
const MAX_BACKOFF_MS = 3_600_000;
/** How long past its deadline a claimed delivery stays held, for the attempt to be recorded. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Sends due deliveries, WEBHOOK_CONCURRENCY at a time in this process, each bounded by
 * WEBHOOK_TIMEOUT_MS: a receiver that hangs holds one slot that long, never the others.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /** Claims what free slots allow and starts sending; does not wait for the answers. */
  async sendDue(): Promise<number> {
    const free = this.config.get('WEBHOOK_CONCURRENCY', { infer: true }) - this.inFlight.size;
    if (free <= 0) return 0;
    const timeoutMs = this.config.get('WEBHOOK_TIMEOUT_MS', { infer: true });
    const claimed = await this.deliveries.claim(free, timeoutMs + LEASE_MARGIN_MS);
    for (const delivery of claimed) {
      const sending = this.send(delivery).catch((error: unknown) =>
        this.logger.warn(`delivery ${delivery.id}: could not record the attempt: ${(error as Error).message}`),
      );
      this.inFlight.add(sending);
      void sending.finally(() => this.inFlight.delete(sending));
    }
    return claimed.length;
  }

  /** Waits for the deliveries under way (on shutdown). */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    const outcome = await deliver({
      url: delivery.url,
      body: delivery.body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Pressroom-Webhooks/1',
        'x-pressroom-event': delivery.event,
        'x-pressroom-delivery': delivery.id,
        'x-pressroom-signature': signatureHeader(delivery.secret, delivery.body, Math.floor(Date.now() / 1000)),
      },
      timeoutMs: this.config.get('WEBHOOK_TIMEOUT_MS', { infer: true }),
      allowPrivate: this.config.get('WEBHOOK_ALLOW_PRIVATE', { infer: true }),
    });
    const retryAt = outcome.ok ? null : this.retryAt(delivery);
    await this.deliveries.record(delivery, outcome, retryAt, this.disabledReason(delivery, outcome));
  }

  /**
   * When to try a failed delivery again: the base delay doubled per attempt made, at most an
   * hour, and never past the retry window (WEBHOOK_RETRY_FOR_SECONDS from the first attempt),
   * so the last try falls on its end; null once the window has passed.
   */
  private retryAt(delivery: ClaimedDelivery): Date | null {
    const windowEnds =
      new Date(delivery.firstAttemptAt).getTime() +
      this.config.get('WEBHOOK_RETRY_FOR_SECONDS', { infer: true }) * 1000;
    const now = Date.now();
    if (now >= windowEnds) return null;
    const base = this.config.get('WEBHOOK_RETRY_BASE_MS', { infer: true });
    const delay = Math.min(base * 2 ** Math.min(delivery.attemptCount - 1, 20), MAX_BACKOFF_MS);
    return new Date(Math.min(now + delay, windowEnds));
  }

  private disabledReason(delivery: ClaimedDelivery, outcome: DeliveryOutcome): string {
    const seconds = this.config.get('WEBHOOK_RETRY_FOR_SECONDS', { infer: true });
    return `Disabled after ${delivery.attemptCount} failed attempts over ${seconds} s of delivery ${delivery.id}; last: ${outcome.error ?? 'unknown error'}`;
  }
}
