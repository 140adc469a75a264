import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

/** One article, and optionally the version the caller last read (CONFLICT when stale). */
@ArgsType()
export class ArticleIdArgs {
  @Field(() => ID) @IsUUID() id!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the change is refused with CONFLICT if the article has moved on',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
