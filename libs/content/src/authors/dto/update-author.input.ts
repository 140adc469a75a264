import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { MAX_SLUG_LENGTH } from '../../slugs.js';
import { HTTP_URL, IfPresent, IsSlug } from '../../validators.js';

/** Fields to change; absent ones stay, `null` clears the optional ones. */
@InputType()
export class UpdateAuthorInput {
  @Field({ nullable: true })
  @IfPresent()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;
  @Field({ nullable: true }) @IfPresent() @Length(1, MAX_SLUG_LENGTH) @IsSlug() slug?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) bio?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(HTTP_URL) @MaxLength(2048) url?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(HTTP_URL) @MaxLength(2048) avatarUrl?: string | null;
}
