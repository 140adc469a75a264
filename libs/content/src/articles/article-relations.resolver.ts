import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Article as ArticleRow, Author as AuthorRow, Tag as TagRow } from '@pressroom/database';
import { Author } from '../authors/models/author.model.js';
import type { GqlContext } from '../context.js';
import { Tag } from '../tags/models/tag.model.js';
import { Article } from './models/article.model.js';

/** Article -> authors and tags, batched per request through DataLoaders. */
@Resolver(() => Article)
export class ArticleRelationsResolver {
  @ResolveField(() => [Author], { description: 'In byline order' })
  authors(@Parent() article: ArticleRow, @Context() { loaders }: GqlContext): Promise<AuthorRow[]> {
    return loaders.authorsByArticleId.load(article.id);
  }

  @ResolveField(() => [Tag], { description: 'Tags, then categories, each by name' })
  tags(@Parent() article: ArticleRow, @Context() { loaders }: GqlContext): Promise<TagRow[]> {
    return loaders.tagsByArticleId.load(article.id);
  }
}
