import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common/graphql';
import { ApiToken } from './api-token.model.js';

@ObjectType()
export class ApiTokenConnection extends ConnectionType(ApiToken) {}
