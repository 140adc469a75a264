import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';

/** The state of an article after one change: who, when, what kind of change, and the state. */
@ObjectType()
export class ArticleRevision {
  @Field(() => ID) id!: string;
  @Field(() => ID) articleId!: string;
  @Field(() => Int, { description: 'The article version this change produced' }) version!: number;
  @Field({ description: 'The token name, or import:<job id> for imports' }) actor!: string;
  @Field({ description: 'create, update, publish, unpublish, archive, restore, import, merge-tags, delete-tag' })
  action!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLJSON, { description: 'Every editable field; authors and tags as ids' }) snapshot!: unknown;
}
