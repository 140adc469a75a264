import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class RedeliverArgs {
  @Field(() => ID)
  @IsUUID('all')
  deliveryId!: string;
}
