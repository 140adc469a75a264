import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

@ArgsType()
export class RestoreArticleRevisionArgs {
  @Field(() => ID) @IsUUID() articleId!: string;
  @Field(() => ID) @IsUUID() revisionId!: string;

  @Field(() => Int, { nullable: true, description: 'When given, CONFLICT if the article has moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
