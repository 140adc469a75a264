import { ArgsType, Field, GraphQLISODateTime, InputType, registerEnumType } from '@nestjs/graphql';
import { ConnectionArgs } from '@pressroom/common/graphql';
import { ArticleStatus } from '@pressroom/database';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { MAX_SLUG_LENGTH } from '../../slugs.js';

export enum ArticleOrderField {
  PUBLISHED_AT = 'publishedAt',
  UPDATED_AT = 'updatedAt',
  TITLE = 'title',
}
export enum SortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(ArticleOrderField, {
  name: 'ArticleOrderField',
  description: 'Ties are broken by id, so paging never skips or repeats an article',
  valuesMap: { PUBLISHED_AT: { description: 'Unpublished articles (no date) sort as later than any date' } },
});
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'Every field given must hold (AND); combine further with AND, OR and NOT' })
export class ArticleWhereInput {
  @Field(() => [ArticleStatus], {
    nullable: true,
    description: 'Any of these; non-PUBLISHED statuses need an EDITOR token',
  })
  @IsOptional()
  @IsEnum(ArticleStatus, { each: true })
  @ArrayMaxSize(3)
  status?: ArticleStatus[];

  @Field(() => [String], { nullable: true, description: 'Articles with any of these tag slugs' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  @ArrayMaxSize(50)
  tagSlugs?: string[];

  @Field(() => [String], { nullable: true, description: 'Articles with all of these tag slugs' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  @ArrayMaxSize(20)
  allTagSlugs?: string[];

  @Field(() => [String], { nullable: true, description: 'Articles with any of these category slugs' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  @ArrayMaxSize(50)
  categorySlugs?: string[];

  @Field({ nullable: true, description: 'Articles by this author' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SLUG_LENGTH)
  authorSlug?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Published at or after this instant' })
  @IsOptional()
  @IsDate()
  publishedAfter?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Published strictly before this instant' })
  @IsOptional()
  @IsDate()
  publishedBefore?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  language?: string;

  @Field({
    nullable: true,
    description:
      'Text contained in the title, case-insensitively; for editors, in the title or the body (readers: use search for bodies)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string;

  @Field(() => [ArticleWhereInput], { nullable: true, description: 'All of these hold' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ArticleWhereInput)
  @ArrayMaxSize(20)
  AND?: ArticleWhereInput[];

  @Field(() => [ArticleWhereInput], { nullable: true, description: 'At least one of these holds' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ArticleWhereInput)
  @ArrayMaxSize(20)
  OR?: ArticleWhereInput[];

  @Field(() => ArticleWhereInput, { nullable: true, description: 'This does not hold' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ArticleWhereInput)
  NOT?: ArticleWhereInput;
}

@InputType()
export class ArticleOrderByInput {
  @Field(() => ArticleOrderField) @IsEnum(ArticleOrderField) field!: ArticleOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) @IsEnum(SortDirection) direction!: SortDirection;
}

@ArgsType()
export class ArticlesArgs extends ConnectionArgs {
  @Field(() => ArticleWhereInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ArticleWhereInput)
  where?: ArticleWhereInput;

  @Field(() => ArticleOrderByInput, { nullable: true, description: 'Newest published first when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ArticleOrderByInput)
  orderBy?: ArticleOrderByInput;
}
