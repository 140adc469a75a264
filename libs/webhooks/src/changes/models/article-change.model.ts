import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArticleStatus } from '@pressroom/database';

export enum ArticleChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  PUBLISHED = 'PUBLISHED',
  UNPUBLISHED = 'UNPUBLISHED',
  ARCHIVED = 'ARCHIVED',
  DELETED = 'DELETED',
}
registerEnumType(ArticleChangeKind, {
  name: 'ArticleChangeKind',
  description:
    'For anonymous callers, what the change did to the public site: PUBLISHED (now visible), UPDATED (visible before and after), UNPUBLISHED, ARCHIVED or DELETED (no longer visible)',
});

@ObjectType({ description: 'One write to an article, as recorded when it committed' })
export class ArticleChange {
  @Field(() => ID, { description: 'The article; a DELETED change names an article that no longer exists' })
  articleId!: string;
  @Field() slug!: string;
  @Field(() => String, { nullable: true, description: 'The slug before this change, when it changed' })
  oldSlug!: string | null;
  @Field(() => ArticleChangeKind) kind!: ArticleChangeKind;
  @Field(() => ArticleStatus) status!: ArticleStatus;
  @Field(() => Int) version!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field({ description: 'Whether anonymous readers can see the article after this change' })
  visible!: boolean;
  @Field(() => GraphQLISODateTime) at!: Date;
}
