import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { EditorsOnly } from '@pressroom/common/graphql';

@ObjectType()
export class Author {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) bio!: string | null;
  @Field(() => String, { nullable: true, description: 'Editors only; null for others' })
  @EditorsOnly()
  email!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true }) avatarUrl!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}
