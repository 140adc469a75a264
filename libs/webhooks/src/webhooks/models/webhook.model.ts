import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A receiver of events (ADMIN only)' })
export class Webhook {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field(() => [String]) events!: string[];
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field({ description: 'false once its deliveries failed for WEBHOOK_RETRY_FOR_SECONDS (see disabledReason)' })
  enabled!: boolean;
  @Field(() => String, { nullable: true }) disabledReason!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) disabledAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}
