import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common/graphql';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: to be tried (again); FAILED: given up after WEBHOOK_RETRY_FOR_SECONDS',
});

@ObjectType({ description: 'One try of a delivery' })
export class WebhookDeliveryAttempt {
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int, { nullable: true, description: 'The HTTP status answered; null when none came' }) code!:
    number | null;
  @Field(() => Int) durationMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'The first KB of the answer at most' }) excerpt!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType({
  description: 'One event for one webhook; status, code, durationMs, error and at are those of its last attempt',
})
export class WebhookDelivery {
  @Field(() => ID, { description: 'Sent as X-Pressroom-Delivery: the same on every retry' }) id!: string;
  @Field() event!: string;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int, { nullable: true }) code!: number | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was last tried, or created when not yet tried' }) at!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the next try is due, while PENDING' })
  nextAttemptAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The delivery this one sends again (redeliver)' })
  redeliveryOf!: string | null;
  @Field(() => [WebhookDeliveryAttempt]) attempts!: WebhookDeliveryAttempt[];
}

@ObjectType()
export class WebhookDeliveryConnection extends ConnectionType(WebhookDelivery) {}
