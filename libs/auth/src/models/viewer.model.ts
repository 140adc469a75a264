import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '@pressroom/database';

/** Who the request's token belongs to: what a client such as the console shows and offers. */
@ObjectType('Viewer')
export class ViewerModel {
  @Field(() => Role) role!: Role;
  @Field({ description: 'The token name, recorded as the actor of the revisions this token makes' }) name!: string;
}
