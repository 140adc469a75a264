import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common/graphql';
import { Author } from './author.model.js';

@ObjectType()
export class AuthorConnection extends ConnectionType(Author) {}
