import { Args, Context, Info, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection } from '@pressroom/common';
import type { GraphQLResolveInfo } from 'graphql';
import type { Article as ArticleRow, Tag as TagRow } from '@pressroom/database';
import { Tag } from '../tags/models/tag.model.js';
import type { GqlContext } from '../context.js';
import { articleSelection } from '../selection.js';
import { ArticlesArgs } from './dto/articles.args.js';
import { ArticleConnection } from './models/article-connection.model.js';

/** Tag -> articles; here rather than in tags/, so that tags/ never imports articles/. */
@Resolver(() => Tag)
export class TagArticlesResolver {
  @ResolveField(() => ArticleConnection, {
    description: 'Articles with this tag or category, filtered and paged like `articles`',
  })
  articles(
    @Parent() tag: TagRow,
    @Args() args: ArticlesArgs,
    @Context() { loaders }: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ArticleRow>> {
    return loaders.articlesOf('tag', args, articleSelection(info, ['edges', 'node'])).load(tag.id);
  }

  @ResolveField(() => Int, { description: 'Articles with this tag or category that you can see' })
  articleCount(@Parent() tag: TagRow, @Context() { loaders }: GqlContext): Promise<number> {
    return loaders.articleCountOf('tag').load(tag.id);
  }
}
