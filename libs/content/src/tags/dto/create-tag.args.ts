import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { CreateTagInput } from './create-tag.input.js';

@ArgsType()
export class CreateTagArgs {
  @Field(() => CreateTagInput) @ValidateNested() @Type(() => CreateTagInput) input!: CreateTagInput;
}
