import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import { type Connection } from '@pressroom/common';
import { ConnectionArgs } from '@pressroom/common/graphql';
import { CreateWebhookArgs } from './dto/create-webhook.args.js';
import { RedeliverArgs } from './dto/redeliver.args.js';
import { UpdateWebhookArgs } from './dto/update-webhook.args.js';
import { WebhookIdArgs } from './dto/webhook-id.args.js';
import { WebhookDelivery, WebhookDeliveryConnection } from './models/webhook-delivery.model.js';
import { WebhookWithSecret } from './models/webhook-with-secret.model.js';
import { Webhook } from './models/webhook.model.js';
import { WebhooksService, type WebhookInfo } from './webhooks.service.js';

/** Webhooks, for admins (issue 16). */
@Resolver(() => Webhook)
@Roles('ADMIN')
export class WebhooksResolver {
  constructor(private readonly webhooksService: WebhooksService) {}

  @Query(() => [Webhook], { description: 'Every webhook, oldest first' })
  webhooks(): Promise<WebhookInfo[]> {
    return this.webhooksService.list();
  }

  @Query(() => Webhook)
  webhook(@Args() { id }: WebhookIdArgs): Promise<WebhookInfo> {
    return this.webhooksService.get(id);
  }

  @ResolveField(() => WebhookDeliveryConnection, { description: 'Newest first, each with its attempts' })
  deliveries(@Parent() webhook: WebhookInfo, @Args() args: ConnectionArgs): Promise<Connection<WebhookDelivery>> {
    return this.webhooksService.deliveriesOf(webhook.id, args);
  }

  @Mutation(() => WebhookWithSecret, { description: 'The secret that signs its deliveries is shown here only' })
  createWebhook(@Args() args: CreateWebhookArgs): Promise<WebhookWithSecret> {
    return this.webhooksService.create(args);
  }

  @Mutation(() => Webhook)
  updateWebhook(@Args() args: UpdateWebhookArgs): Promise<WebhookInfo> {
    return this.webhooksService.update(args);
  }

  @Mutation(() => ID, { description: 'Deletes the webhook and its delivery history; returns its id' })
  deleteWebhook(@Args() { id }: WebhookIdArgs): Promise<string> {
    return this.webhooksService.delete(id);
  }

  @Mutation(() => WebhookWithSecret, { description: 'A new signing secret, in use from the next delivery on' })
  rotateWebhookSecret(@Args() { id }: WebhookIdArgs): Promise<WebhookWithSecret> {
    return this.webhooksService.rotateSecret(id);
  }

  @Mutation(() => WebhookDelivery, {
    description: 'Sends a delivery again, as a new delivery of the same event (same body and event id)',
  })
  redeliver(@Args() { deliveryId }: RedeliverArgs): Promise<WebhookDelivery> {
    return this.webhooksService.redeliver(deliveryId);
  }
}
