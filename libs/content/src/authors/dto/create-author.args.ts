import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { CreateAuthorInput } from './create-author.input.js';

@ArgsType()
export class CreateAuthorArgs {
  @Field(() => CreateAuthorInput) @ValidateNested() @Type(() => CreateAuthorInput) input!: CreateAuthorInput;
}
