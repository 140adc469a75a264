import { Field, InputType } from '@nestjs/graphql';
import { TagKind } from '@pressroom/database';
import { IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { MAX_SLUG_LENGTH } from '../../slugs.js';
import { IfPresent, IsSlug } from '../../validators.js';

/** Fields to change; absent ones stay, `null` clears the description. */
@InputType()
export class UpdateTagInput {
  @Field({ nullable: true })
  @IfPresent()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;
  @Field({ nullable: true }) @IfPresent() @Length(1, MAX_SLUG_LENGTH) @IsSlug() slug?: string;
  @Field(() => TagKind, { nullable: true, description: 'Turns a tag into a category or back' })
  @IfPresent()
  @IsEnum(TagKind)
  kind?: TagKind;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
}
