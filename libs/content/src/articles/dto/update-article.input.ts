import { Field, InputType } from '@nestjs/graphql';
import { BodyFormat } from '@pressroom/database';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';
import { MAX_SLUG_LENGTH } from '../../slugs.js';
import { HTTP_URL, IfPresent, IsSlug, LANGUAGE_TAG } from '../../validators.js';
import { ARTICLE_LIMITS } from '../article-limits.js';
import { AuthorRefInput } from './author-ref.input.js';
import { TagRefInput } from './tag-ref.input.js';

/**
 * Fields to change; absent fields stay as they are. Of the nullable ones, `null` clears
 * sourceUrl and re-derives excerpt (from the body) and language (detected).
 */
@InputType()
export class UpdateArticleInput {
  @Field({ nullable: true })
  @IfPresent()
  @IsString()
  @Length(1, ARTICLE_LIMITS.titleChars)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @Field({ nullable: true, description: 'Changing it changes the URL; it is not derived from a new title' })
  @IfPresent()
  @Length(1, MAX_SLUG_LENGTH)
  @IsSlug()
  slug?: string;

  @Field({ nullable: true })
  @IfPresent()
  @IsString()
  @MaxLength(ARTICLE_LIMITS.bodyChars)
  body?: string;

  @Field(() => BodyFormat, { nullable: true })
  @IfPresent()
  @IsEnum(BodyFormat)
  bodyFormat?: BodyFormat;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ARTICLE_LIMITS.excerptChars)
  excerpt?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a language tag such as en, zh or pt-BR' })
  language?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(ARTICLE_LIMITS.urlChars)
  sourceUrl?: string | null;

  @Field(() => [AuthorRefInput], { nullable: true, description: 'Replaces the byline; [] removes every author' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(ARTICLE_LIMITS.authors)
  @ValidateNested({ each: true })
  @Type(() => AuthorRefInput)
  authors?: AuthorRefInput[];

  @Field(() => [TagRefInput], { nullable: true, description: 'Replaces the tags and categories' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(ARTICLE_LIMITS.tags)
  @ValidateNested({ each: true })
  @Type(() => TagRefInput)
  tags?: TagRefInput[];

  @Field(() => GraphQLJSON, { nullable: true, description: 'Replaces the other front-matter keys' })
  @IfPresent()
  @IsObject()
  frontMatter?: Record<string, unknown>;
}
