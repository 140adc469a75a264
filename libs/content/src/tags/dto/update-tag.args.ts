import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { UpdateTagInput } from './update-tag.input.js';

@ArgsType()
export class UpdateTagArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => UpdateTagInput) @ValidateNested() @Type(() => UpdateTagInput) input!: UpdateTagInput;
}
