import { Field, ObjectType } from '@nestjs/graphql';
import { Webhook } from './webhook.model.js';

@ObjectType({ description: 'A webhook and the secret its deliveries are signed with: shown here only' })
export class WebhookWithSecret {
  @Field(() => Webhook) webhook!: Webhook;
  @Field() secret!: string;
}
