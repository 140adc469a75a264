import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { CreateArticleInput } from './create-article.input.js';

@ArgsType()
export class CreateArticleArgs {
  @Field(() => CreateArticleInput) @ValidateNested() @Type(() => CreateArticleInput) input!: CreateArticleInput;
}
