import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@pressroom/common/graphql';
import { ArticleSearchEdge } from './article-search-edge.model.js';

@ObjectType({ description: 'Search hits, best first; ties go to the more recently published' })
export class ArticleSearchConnection {
  @Field(() => [ArticleSearchEdge]) edges!: ArticleSearchEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, {
    description: 'How many articles match: exact up to 200, an estimate beyond (see totalCountIsEstimate)',
  })
  totalCount!: number;

  @Field({ description: 'True when totalCount is an estimate: more than 200 articles match' })
  totalCountIsEstimate!: boolean;
}
