import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConnectionArgs } from '@pressroom/common/graphql';
import { ApiTokensService, type ApiTokenInfo } from './api-tokens.service.js';
import { CreateApiTokenArgs } from './dto/create-api-token.args.js';
import { RevokeApiTokenArgs } from './dto/revoke-api-token.args.js';
import { ApiTokenConnection } from './models/api-token-connection.model.js';
import { ApiToken } from './models/api-token.model.js';
import { CreatedApiToken } from './models/created-api-token.model.js';
import { Roles } from './roles.js';

/** Token management for admins; the same operations as `pressroom token ...`. */
@Resolver(() => ApiToken)
@Roles('ADMIN')
export class ApiTokensResolver {
  constructor(private readonly tokens: ApiTokensService) {}

  @Query(() => ApiTokenConnection, { description: 'Every token, revoked ones included, oldest first' })
  apiTokens(@Args() args: ConnectionArgs) {
    return this.tokens.page(args);
  }

  @Mutation(() => CreatedApiToken)
  createApiToken(@Args() { input }: CreateApiTokenArgs): Promise<{ token: ApiTokenInfo; secret: string }> {
    return this.tokens.create(input.name, input.role);
  }

  @Mutation(() => ApiToken, { description: 'Revoking a revoked token changes nothing' })
  revokeApiToken(@Args() args: RevokeApiTokenArgs): Promise<ApiTokenInfo> {
    return this.tokens.revoke(args.name);
  }
}
