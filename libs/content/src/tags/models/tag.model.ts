import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TagKind } from '@pressroom/database';

registerEnumType(TagKind, { name: 'TagKind', description: 'TAG for tags, CATEGORY for categories' });

@ObjectType()
export class Tag {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => TagKind) kind!: TagKind;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}
