import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import type { Article as ArticleRow } from '@pressroom/database';
import { actorOf } from '../actor.js';
import type { GqlContext } from '../context.js';
import { ArticleEditingService } from './article-editing.service.js';
import { ArticlePublishingService } from './article-publishing.service.js';
import { ArticleIdArgs } from './dto/article-id.args.js';
import { CreateArticleArgs } from './dto/create-article.args.js';
import { PublishArticleArgs } from './dto/publish-article.args.js';
import { UpdateArticleArgs } from './dto/update-article.args.js';
import { Article } from './models/article.model.js';

/** Article writes for editors; each one is a new version with a revision naming the token. */
@Resolver(() => Article)
@Roles('EDITOR')
export class ArticlesMutationsResolver {
  constructor(
    private readonly editing: ArticleEditingService,
    private readonly publishing: ArticlePublishingService,
  ) {}

  @Mutation(() => Article, { description: 'A new DRAFT; publishArticle makes it visible' })
  createArticle(@Args() { input }: CreateArticleArgs, @Context() { viewer }: GqlContext): Promise<ArticleRow> {
    return this.editing.create(input, actorOf(viewer));
  }

  @Mutation(() => Article, { description: 'CONFLICT, with extensions.currentVersion, when expectedVersion is stale' })
  updateArticle(
    @Args() { id, input, expectedVersion }: UpdateArticleArgs,
    @Context() { viewer }: GqlContext,
  ): Promise<ArticleRow> {
    return this.editing.update(id, input, expectedVersion, actorOf(viewer));
  }

  @Mutation(() => ID, { description: 'Deletes the article and its history; returns its id' })
  deleteArticle(@Args() { id, expectedVersion }: ArticleIdArgs): Promise<string> {
    return this.editing.remove(id, expectedVersion);
  }

  @Mutation(() => Article, { description: 'Publishes now, or schedules for `at`' })
  publishArticle(
    @Args() { id, at, expectedVersion }: PublishArticleArgs,
    @Context() { viewer }: GqlContext,
  ): Promise<ArticleRow> {
    return this.publishing.publish(id, at, expectedVersion, actorOf(viewer));
  }

  @Mutation(() => Article, { description: 'Back to DRAFT; also cancels a schedule' })
  unpublishArticle(
    @Args() { id, expectedVersion }: ArticleIdArgs,
    @Context() { viewer }: GqlContext,
  ): Promise<ArticleRow> {
    return this.publishing.unpublish(id, expectedVersion, actorOf(viewer));
  }

  @Mutation(() => Article)
  archiveArticle(
    @Args() { id, expectedVersion }: ArticleIdArgs,
    @Context() { viewer }: GqlContext,
  ): Promise<ArticleRow> {
    return this.publishing.archive(id, expectedVersion, actorOf(viewer));
  }
}
