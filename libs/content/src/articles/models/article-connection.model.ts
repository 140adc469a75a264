import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common/graphql';
import { Article } from './article.model.js';

@ObjectType()
export class ArticleConnection extends ConnectionType(Article) {}
