import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common/graphql';
import { ArticleRevision } from './article-revision.model.js';

@ObjectType()
export class ArticleRevisionConnection extends ConnectionType(ArticleRevision) {}
