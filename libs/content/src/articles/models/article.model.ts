import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArticleStatus, BodyFormat } from '@pressroom/database';
import { EditorsOnly } from '@pressroom/common/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { publicFrontMatter } from '../public-front-matter.js';

registerEnumType(ArticleStatus, { name: 'ArticleStatus' });
registerEnumType(BodyFormat, { name: 'BodyFormat' });

@ObjectType()
export class Article {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) excerpt!: string | null;
  @Field({ description: 'The source text, byte for byte as imported or edited' }) body!: string;
  @Field(() => BodyFormat) bodyFormat!: BodyFormat;
  @Field({ description: 'Rendered and sanitised HTML' }) html!: string;
  @Field(() => ArticleStatus) status!: ArticleStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastModifiedAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) language!: string | null;
  @Field(() => String, { nullable: true }) sourceUrl!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The imported file, relative to the import. Editors only; null for others',
  })
  @EditorsOnly()
  sourcePath!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Tells whether the imported file changed. Editors only; null for others',
  })
  @EditorsOnly()
  contentHash!: string | null;
  @Field(() => GraphQLJSON, {
    description: 'Every key of the original front-matter header; without e-mail addresses unless you are an editor',
  })
  @EditorsOnly(publicFrontMatter)
  frontMatter!: unknown;
}
