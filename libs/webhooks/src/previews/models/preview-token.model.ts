import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Send `Authorization: Bearer <token>` to read this one article through article(id|slug) whatever its status; shown once',
})
export class PreviewToken {
  @Field() token!: string;
  @Field(() => ID) articleId!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}
