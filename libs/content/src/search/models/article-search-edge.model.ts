import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Article } from '../../articles/models/article.model.js';

@ObjectType({ description: 'One hit: the article, how well it matches, and where' })
export class ArticleSearchEdge {
  @Field() cursor!: string;

  @Field(() => Float, { description: 'Relevance: at least 1 when the title matches, else below 1; higher is better' })
  score!: number;

  @Field({ description: 'HTML: a snippet of the body (or excerpt) with the matching words in <mark>; text escaped' })
  highlight!: string;

  @Field(() => Article) node!: Article;
}
