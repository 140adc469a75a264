import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS } from '../webhook-events.js';
import { MAX_DESCRIPTION_LENGTH, MAX_URL_LENGTH } from './create-webhook.args.js';

@ArgsType()
export class UpdateWebhookArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true turns a disabled webhook back on (its pending deliveries resume)',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
