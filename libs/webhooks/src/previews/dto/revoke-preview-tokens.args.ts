import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class RevokePreviewTokensArgs {
  @Field(() => ID)
  @IsUUID('all')
  articleId!: string;
}
