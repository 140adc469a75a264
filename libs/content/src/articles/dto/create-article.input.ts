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
import { HTTP_URL, IsSlug, LANGUAGE_TAG } from '../../validators.js';
import { ARTICLE_LIMITS } from '../article-limits.js';
import { AuthorRefInput } from './author-ref.input.js';
import { TagRefInput } from './tag-ref.input.js';

/** A new article, always a DRAFT: publishArticle makes it visible. */
@InputType()
export class CreateArticleInput {
  @Field()
  @IsString()
  @Length(1, ARTICLE_LIMITS.titleChars)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @Field({ nullable: true, description: 'Generated from the title when absent (numbered when taken)' })
  @IsOptional()
  @Length(1, MAX_SLUG_LENGTH)
  @IsSlug()
  slug?: string;

  @Field({ defaultValue: '', description: 'Markdown or HTML source, as bodyFormat says' })
  @IsString()
  @MaxLength(ARTICLE_LIMITS.bodyChars)
  body!: string;

  @Field(() => BodyFormat, { defaultValue: BodyFormat.MARKDOWN })
  @IsEnum(BodyFormat)
  bodyFormat!: BodyFormat;

  @Field(() => String, { nullable: true, description: "Plain text; else the body's first paragraph" })
  @IsOptional()
  @IsString()
  @MaxLength(ARTICLE_LIMITS.excerptChars)
  excerpt?: string | null;

  @Field(() => String, { nullable: true, description: 'A BCP 47 tag such as en or zh; detected when absent' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a language tag such as en, zh or pt-BR' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the article was first published' })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(ARTICLE_LIMITS.urlChars)
  sourceUrl?: string | null;

  @Field(() => [AuthorRefInput], { nullable: true, description: 'In byline order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ARTICLE_LIMITS.authors)
  @ValidateNested({ each: true })
  @Type(() => AuthorRefInput)
  authors?: AuthorRefInput[];

  @Field(() => [TagRefInput], { nullable: true, description: 'Tags and categories' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ARTICLE_LIMITS.tags)
  @ValidateNested({ each: true })
  @Type(() => TagRefInput)
  tags?: TagRefInput[];

  @Field(() => GraphQLJSON, { nullable: true, description: 'Other front-matter keys, kept for export' })
  @IsOptional()
  @IsObject()
  frontMatter?: Record<string, unknown>;
}
