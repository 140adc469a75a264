import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS } from '../webhook-events.js';

export const MAX_URL_LENGTH = 2000;
export const MAX_DESCRIPTION_LENGTH = 500;

@ArgsType()
export class CreateWebhookArgs {
  @Field({ description: 'http or https; not a private address unless WEBHOOK_ALLOW_PRIVATE=true' })
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url!: string;

  @Field(() => [String], { description: `Any of ${WEBHOOK_EVENTS.join(', ')}` })
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string;
}
