import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '@pressroom/common';
import { ChangesService } from './changes.service.js';
import { ChangesArgs } from './dto/changes.args.js';
import { ArticleChangeFeed } from './models/article-change-feed.model.js';

@Resolver()
export class ChangesResolver {
  constructor(private readonly changesService: ChangesService) {}

  @Query(() => ArticleChangeFeed, {
    description:
      'Every article created, updated, published, unpublished or deleted after `since`, in commit order, deletions included. Editors see every change; anonymous callers those of published articles',
  })
  changes(@Args() args: ChangesArgs, @Context() { viewer }: { viewer: Viewer }): Promise<ArticleChangeFeed> {
    return this.changesService.feed(args.since, args.first, viewer);
  }
}
