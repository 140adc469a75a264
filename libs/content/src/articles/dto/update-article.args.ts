import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { UpdateArticleInput } from './update-article.input.js';

@ArgsType()
export class UpdateArticleArgs {
  @Field(() => ID) @IsUUID() id!: string;

  @Field(() => UpdateArticleInput) @ValidateNested() @Type(() => UpdateArticleInput) input!: UpdateArticleInput;

  // Nullable in the schema so clients may pass an `Int` variable, but required: without it an
  // update could silently overwrite someone else's.
  @Field(() => Int, {
    nullable: true,
    description: 'Required: the version you read. A stale one is CONFLICT and changes nothing.',
  })
  @IsInt({ message: 'expectedVersion is required: send the version of the article you edited' })
  @Min(1)
  expectedVersion!: number;
}
