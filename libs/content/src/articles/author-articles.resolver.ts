import { Args, Context, Info, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection } from '@pressroom/common';
import type { GraphQLResolveInfo } from 'graphql';
import type { Article as ArticleRow, Author as AuthorRow } from '@pressroom/database';
import { Author } from '../authors/models/author.model.js';
import type { GqlContext } from '../context.js';
import { articleSelection } from '../selection.js';
import { ArticlesArgs } from './dto/articles.args.js';
import { ArticleConnection } from './models/article-connection.model.js';

/** Author -> articles; here rather than in authors/, so that authors/ never imports articles/. */
@Resolver(() => Author)
export class AuthorArticlesResolver {
  @ResolveField(() => ArticleConnection, {
    description: 'Articles with this author, filtered and paged like `articles`',
  })
  articles(
    @Parent() author: AuthorRow,
    @Args() args: ArticlesArgs,
    @Context() { loaders }: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ArticleRow>> {
    return loaders.articlesOf('author', args, articleSelection(info, ['edges', 'node'])).load(author.id);
  }

  @ResolveField(() => Int, { description: 'Articles with this author that you can see' })
  articleCount(@Parent() author: AuthorRow, @Context() { loaders }: GqlContext): Promise<number> {
    return loaders.articleCountOf('author').load(author.id);
  }
}
