import { Field, ObjectType } from '@nestjs/graphql';
import { ApiToken } from './api-token.model.js';

@ObjectType()
export class CreatedApiToken {
  @Field(() => ApiToken) token!: ApiToken;
  @Field({ description: 'Send as `Authorization: Bearer <secret>`. Shown this once; only its hash is stored.' })
  secret!: string;
}
