import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '@pressroom/common';
import type { Article as ArticleRow } from '@pressroom/database';
import type { GraphQLResolveInfo } from 'graphql';
import type { GqlContext } from '../context.js';
import { articleSelection, selectedFields } from '../selection.js';
import { ArticlesService } from './articles.service.js';
import { ArticleArgs } from './dto/article.args.js';
import { ArticlesArgs } from './dto/articles.args.js';
import { RedirectArgs } from './dto/redirect.args.js';
import { ArticleConnection } from './models/article-connection.model.js';
import { Article } from './models/article.model.js';

@Resolver(() => Article)
export class ArticlesResolver {
  constructor(private readonly articlesService: ArticlesService) {}

  @Query(() => Article, { nullable: true, description: 'One article by id or slug; null when not visible to you' })
  article(
    @Args() args: ArticleArgs,
    @Context() { viewer }: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ArticleRow | null> {
    return this.articlesService.findOne(args, viewer, articleSelection(info));
  }

  @Query(() => Article, {
    nullable: true,
    description:
      'The article an old URL path now leads to (matched without case, trailing slash or percent-encoding); null when none or not visible to you',
  })
  redirect(
    @Args() args: RedirectArgs,
    @Context() { viewer }: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ArticleRow | null> {
    return this.articlesService.findByRedirect(args.path, viewer, articleSelection(info));
  }

  @Query(() => ArticleConnection)
  articles(
    @Args() args: ArticlesArgs,
    @Context() { viewer }: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ArticleRow>> {
    const withTotal = selectedFields(info).has('totalCount');
    return this.articlesService.list(args, viewer, articleSelection(info, ['edges', 'node']), withTotal);
  }
}
