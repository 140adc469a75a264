import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '@pressroom/common/graphql';
import { TagKind } from '@pressroom/database';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { MAX_SLUG_LENGTH } from '../../slugs.js';

@ArgsType()
export class TagArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_SLUG_LENGTH) slug?: string;
  @Field(() => TagKind, { defaultValue: TagKind.TAG }) @IsEnum(TagKind) kind!: TagKind;
}

@ArgsType()
export class TagsArgs extends ConnectionArgs {
  @Field(() => TagKind, { nullable: true }) @IsOptional() @IsEnum(TagKind) kind?: TagKind;

  @Field({ nullable: true, description: 'Tags whose name contains this text' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  nameContains?: string;
}
