import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common/graphql';
import { Tag } from './tag.model.js';

@ObjectType()
export class TagConnection extends ConnectionType(Tag) {}
