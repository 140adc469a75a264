import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { UpdateAuthorInput } from './update-author.input.js';

@ArgsType()
export class UpdateAuthorArgs {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => UpdateAuthorInput) @ValidateNested() @Type(() => UpdateAuthorInput) input!: UpdateAuthorInput;
}
