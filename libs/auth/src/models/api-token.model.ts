import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@pressroom/database';

registerEnumType(Role, { name: 'Role', description: 'EDITOR edits content; ADMIN also manages imports and tokens' });

/** An API token as admins see it: never its secret. */
@ObjectType()
export class ApiToken {
  @Field(() => ID) id!: string;
  @Field({ description: 'Recorded as the actor of the revisions this token makes' }) name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
}
