import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { MAX_SLUG_LENGTH } from '../../slugs.js';
import { HTTP_URL, IsSlug } from '../../validators.js';

@InputType()
export class CreateAuthorInput {
  @Field() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' }) name!: string;

  @Field({ nullable: true, description: 'Generated from the name when absent (numbered when taken)' })
  @IsOptional()
  @Length(1, MAX_SLUG_LENGTH)
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) bio?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(HTTP_URL) @MaxLength(2048) url?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(HTTP_URL) @MaxLength(2048) avatarUrl?: string | null;
}
