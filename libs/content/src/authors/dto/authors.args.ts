import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '@pressroom/common/graphql';
import { IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { MAX_SLUG_LENGTH } from '../../slugs.js';

@ArgsType()
export class AuthorArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_SLUG_LENGTH) slug?: string;
}

@ArgsType()
export class AuthorsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Authors whose name contains this text' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  nameContains?: string;
}
