import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import { ConnectionArgs, EditorsOnly } from '@pressroom/common/graphql';
import type { Article as ArticleRow } from '@pressroom/database';
import { actorOf } from '../actor.js';
import type { GqlContext } from '../context.js';
import { ArticleRevisionsService } from './article-revisions.service.js';
import { RestoreArticleRevisionArgs } from './dto/restore-article-revision.args.js';
import { ArticleRevisionConnection } from './models/article-revision-connection.model.js';
import { Article } from './models/article.model.js';

@Resolver(() => Article)
export class ArticleRevisionsResolver {
  constructor(private readonly revisionsService: ArticleRevisionsService) {}

  @ResolveField(() => ArticleRevisionConnection, {
    nullable: true,
    description: 'Every change, newest first. Editors only (UNAUTHENTICATED for others)',
  })
  @EditorsOnly('UNAUTHENTICATED')
  revisions(@Parent() article: ArticleRow, @Args() args: ConnectionArgs) {
    return this.revisionsService.list(article.id, args);
  }

  @Mutation(() => Article, {
    description: "Brings back a revision's content as a new version; the publication state stays as it is",
  })
  @Roles('EDITOR')
  restoreArticleRevision(
    @Args() { articleId, revisionId, expectedVersion }: RestoreArticleRevisionArgs,
    @Context() { viewer }: GqlContext,
  ): Promise<ArticleRow> {
    return this.revisionsService.restore(articleId, revisionId, expectedVersion, actorOf(viewer));
  }
}
