import { Field, ObjectType } from '@nestjs/graphql';
import { ArticleChange } from './article-change.model.js';

@ObjectType('ArticleChangeEdge')
export class ArticleChangeEdge {
  @Field() cursor!: string;
  @Field(() => ArticleChange) node!: ArticleChange;
}

@ObjectType({ description: 'A page of the changes feed, oldest first' })
export class ArticleChangeFeed {
  @Field(() => [ArticleChangeEdge]) edges!: ArticleChangeEdge[];
  @Field({ description: 'Pass it as `since` next time: where this page ends (or the `since` given, when it is empty)' })
  endCursor!: string;
  @Field({ description: 'More changes are already there: ask again at once' })
  hasMore!: boolean;
}
