import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  BadUserInputError,
  cursorTuple,
  NotFoundError,
  toConnection,
  toPageRequest,
  type Connection,
  type ConnectionArgs,
  type Env,
} from '@pressroom/common';
import { PrismaService, type Webhook } from '@pressroom/database';
import { ArticleChangesRepository } from '../changes/article-changes.repository.js';
import { DeliveriesRepository, type DeliveryRow } from '../delivery/deliveries.repository.js';
import { assertDeliverable } from '../delivery/http-delivery.js';
import { generateWebhookSecret } from '../delivery/signature.js';
import type { CreateWebhookArgs } from './dto/create-webhook.args.js';
import type { UpdateWebhookArgs } from './dto/update-webhook.args.js';
import type { WebhookDelivery } from './models/webhook-delivery.model.js';

export type WebhookInfo = Omit<Webhook, 'secret'>;
const OMIT_SECRET = { secret: true } as const;

/** Webhook management (ADMIN): the rows, their secrets, their deliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly deliveries: DeliveriesRepository,
    private readonly changes: ArticleChangesRepository,
    private readonly config: ConfigService<Env, true>,
  ) {}

  list(): Promise<WebhookInfo[]> {
    return this.prisma.webhook.findMany({ omit: OMIT_SECRET, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  async get(id: string): Promise<WebhookInfo> {
    const webhook = await this.prisma.webhook.findUnique({ where: { id }, omit: OMIT_SECRET });
    if (!webhook) throw new NotFoundError('Webhook', { id });
    return webhook;
  }

  async create(args: CreateWebhookArgs): Promise<{ webhook: WebhookInfo; secret: string }> {
    const secret = generateWebhookSecret();
    const url = this.checkedUrl(args.url);
    // Before the row exists, so the dispatcher cannot send it changes older than itself.
    await this.changes.startAtNewChangesIfIdle();
    const { secret: _secret, ...webhook } = await this.prisma.webhook.create({
      data: {
        url,
        events: [...new Set(args.events)],
        description: args.description ?? null,
        secret,
      },
    });
    return { webhook, secret };
  }

  async update(args: UpdateWebhookArgs): Promise<WebhookInfo> {
    const before = await this.get(args.id);
    if (args.enabled === true && !before.enabled) await this.changes.startAtNewChangesIfIdle(args.id);
    return this.prisma.webhook.update({
      where: { id: args.id },
      omit: OMIT_SECRET,
      data: {
        ...(args.url !== undefined ? { url: this.checkedUrl(args.url) } : {}),
        ...(args.events !== undefined ? { events: [...new Set(args.events)] } : {}),
        ...(args.description !== undefined ? { description: args.description } : {}),
        ...(args.enabled === true ? { enabled: true, disabledReason: null, disabledAt: null } : {}),
        ...(args.enabled === false
          ? { enabled: false, disabledReason: 'Disabled by an admin', disabledAt: new Date() }
          : {}),
      },
    });
  }

  async delete(id: string): Promise<string> {
    await this.get(id);
    await this.prisma.webhook.delete({ where: { id } });
    return id;
  }

  /** A new secret, used from the next delivery on; the old one stops working at once. */
  async rotateSecret(id: string): Promise<{ webhook: WebhookInfo; secret: string }> {
    await this.get(id);
    const secret = generateWebhookSecret();
    const webhook = await this.prisma.webhook.update({ where: { id }, data: { secret }, omit: OMIT_SECRET });
    return { webhook, secret };
  }

  /** A webhook's deliveries, newest first. */
  async deliveriesOf(webhookId: string, args: ConnectionArgs): Promise<Connection<WebhookDelivery>> {
    const request = toPageRequest(args);
    const cursor = cursorTuple(request, ['text'], 'd');
    const seq = cursor ? String(cursor[0]) : null;
    if (seq !== null && !/^\d{1,18}$/.test(seq))
      throw new BadUserInputError('Invalid cursor', request.backward ? 'before' : 'after');
    const rows = await this.deliveries.page(webhookId, seq, request.take + 1, request.backward);
    return toConnection(
      rows.map(toDelivery),
      request,
      () => this.deliveries.count(webhookId),
      (d) => ['d', d.seq],
    );
  }

  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const row = await this.deliveries.redeliver(deliveryId);
    if (!row) throw new NotFoundError('WebhookDelivery', { id: deliveryId });
    return toDelivery(row);
  }

  private checkedUrl(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new BadUserInputError('Not a URL', 'url');
    }
    try {
      assertDeliverable(url, this.config.get('WEBHOOK_ALLOW_PRIVATE', { infer: true }));
    } catch (error) {
      throw new BadUserInputError((error as Error).message, 'url');
    }
    return url.toString();
  }
}

function toDelivery(row: DeliveryRow): WebhookDelivery & { seq: string } {
  const last = row.attempts.at(-1);
  return {
    id: row.id,
    seq: row.seq,
    event: row.event,
    status: row.status as WebhookDelivery['status'],
    code: last?.code ?? null,
    durationMs: last?.durationMs ?? null,
    error: last?.error ?? null,
    at: last ? new Date(last.at) : row.createdAt,
    nextAttemptAt: row.status === 'PENDING' ? row.nextAttemptAt : null,
    redeliveryOf: row.redeliveryOf,
    attempts: row.attempts.map((a) => ({ ...a, status: a.status as WebhookDelivery['status'], at: new Date(a.at) })),
  };
}
