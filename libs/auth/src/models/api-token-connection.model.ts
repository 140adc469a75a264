import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common';
import { ApiToken } from './api-token.model.js';

@ObjectType()
export class ApiTokenConnection extends ConnectionType(ApiToken) {}
