import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class WebhookIdArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;
}
