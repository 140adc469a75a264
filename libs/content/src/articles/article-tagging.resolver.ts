import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import type { Tag as TagRow } from '@pressroom/database';
import { actorOf } from '../actor.js';
import type { GqlContext } from '../context.js';
import { Tag } from '../tags/models/tag.model.js';
import { ArticleTaggingService } from './article-tagging.service.js';
import { MergeTagsArgs } from './dto/merge-tags.args.js';
import { TagIdArgs } from './dto/tag-id.args.js';

/** deleteTag and mergeTags: tag mutations that rewrite the articles carrying the tags. */
@Resolver(() => Tag)
@Roles('EDITOR')
export class ArticleTaggingResolver {
  constructor(private readonly tagging: ArticleTaggingService) {}

  @Mutation(() => Tag, { description: 'Moves every article of the sources to the target and deletes the sources' })
  mergeTags(@Args() { sources, target }: MergeTagsArgs, @Context() { viewer }: GqlContext): Promise<TagRow> {
    return this.tagging.merge(sources, target, actorOf(viewer));
  }

  @Mutation(() => ID, { description: 'Removes the tag from its articles and deletes it; returns its id' })
  deleteTag(@Args() { id }: TagIdArgs, @Context() { viewer }: GqlContext): Promise<string> {
    return this.tagging.remove(id, actorOf(viewer));
  }
}
