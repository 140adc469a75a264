import { ArgsType, Field, GraphQLISODateTime, InputType, registerEnumType } from '@nestjs/graphql';
import { ConnectionArgs } from '@pressroom/common';
import { ArticleStatus } from '@pressroom/database';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

export enum ArticleOrderField {
  PUBLISHED_AT = 'publishedAt',
  UPDATED_AT = 'updatedAt',
  TITLE = 'title',
}
export enum SortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(ArticleOrderField, { name: 'ArticleOrderField' });
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType()
export class ArticleWhereInput {
  @Field(() => [ArticleStatus], { nullable: true, description: 'Non-PUBLISHED statuses need an EDITOR token' })
  @IsOptional() @IsEnum(ArticleStatus, { each: true }) @ArrayMaxSize(3)
  status?: ArticleStatus[];

  @Field(() => [String], { nullable: true, description: 'Articles with any of these tag slugs' })
  @IsOptional() @IsString({ each: true }) @ArrayMaxSize(50)
  tagSlugs?: string[];

  @Field(() => [String], { nullable: true, description: 'Articles with any of these category slugs' })
  @IsOptional() @IsString({ each: true }) @ArrayMaxSize(50)
  categorySlugs?: string[];

  @Field({ nullable: true })
  @IsOptional() @IsString()
  authorSlug?: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional() @IsDate()
  publishedAfter?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional() @IsDate()
  publishedBefore?: Date;

  @Field({ nullable: true })
  @IsOptional() @IsString() @Length(2, 35)
  language?: string;

  @Field({ nullable: true, description: 'Text contained in the title or the body' })
  @IsOptional() @IsString() @Length(1, 200)
  text?: string;
}

@InputType()
export class ArticleOrderByInput {
  @Field(() => ArticleOrderField) @IsEnum(ArticleOrderField) field!: ArticleOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) @IsEnum(SortDirection) direction!: SortDirection;
}

@ArgsType()
export class ArticlesArgs extends ConnectionArgs {
  @Field(() => ArticleWhereInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => ArticleWhereInput)
  where?: ArticleWhereInput;

  @Field(() => ArticleOrderByInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => ArticleOrderByInput)
  orderBy?: ArticleOrderByInput;
}
