import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { CreateApiTokenInput } from './create-api-token.input.js';

@ArgsType()
export class CreateApiTokenArgs {
  @Field(() => CreateApiTokenInput) @ValidateNested() @Type(() => CreateApiTokenInput) input!: CreateApiTokenInput;
}
