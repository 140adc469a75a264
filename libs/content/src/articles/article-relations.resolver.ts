import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Article as ArticleRow, Author as AuthorRow, Tag as TagRow } from '@pressroom/database';
import { Author } from '../authors/models/author.model.js';
import type { GqlContext } from '../context.js';
import { Tag } from '../tags/models/tag.model.js';
import { Article } from './models/article.model.js';
import { authorsOf, tagsOf } from './article-relations.js';
import type { PrefetchedRelations } from './prefetched-relations.js';

/**
 * Article -> authors and tags: read with the article when it can, else batched per request
 * through DataLoaders. The API resolves them without Nest's wrapper (resolveArticleRelationsDirectly).
 */
@Resolver(() => Article)
export class ArticleRelationsResolver {
  @ResolveField(() => [Author], { description: 'In byline order' })
  authors(
    @Parent() article: ArticleRow & PrefetchedRelations,
    @Context() context: GqlContext,
  ): Promise<AuthorRow[]> | AuthorRow[] {
    return authorsOf(article, context);
  }

  @ResolveField(() => [Tag], { description: 'Tags, then categories, each by name' })
  tags(
    @Parent() article: ArticleRow & PrefetchedRelations,
    @Context() context: GqlContext,
  ): Promise<TagRow[]> | TagRow[] {
    return tagsOf(article, context);
  }
}
