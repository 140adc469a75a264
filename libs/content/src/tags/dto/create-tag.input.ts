import { Field, InputType } from '@nestjs/graphql';
import { TagKind } from '@pressroom/database';
import { IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { MAX_SLUG_LENGTH } from '../../slugs.js';
import { IsSlug } from '../../validators.js';

@InputType()
export class CreateTagInput {
  @Field() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name!: string;

  @Field({ nullable: true, description: 'Generated from the name when absent (numbered when taken)' })
  @IsOptional()
  @Length(1, MAX_SLUG_LENGTH)
  @IsSlug()
  slug?: string;

  @Field(() => TagKind, { defaultValue: TagKind.TAG }) @IsEnum(TagKind) kind!: TagKind;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
}
