import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Tag as TagRow } from '@pressroom/database';
import { TagArgs, TagsArgs } from './dto/tags.args.js';
import { TagConnection } from './models/tag-connection.model.js';
import { Tag } from './models/tag.model.js';
import { TagsService } from './tags.service.js';

@Resolver(() => Tag)
export class TagsResolver {
  constructor(private readonly tagsService: TagsService) {}

  @Query(() => Tag, { nullable: true, description: 'One tag or category by id, or by slug and kind' })
  tag(@Args() args: TagArgs): Promise<TagRow | null> {
    return this.tagsService.findOne(args);
  }

  @Query(() => TagConnection)
  tags(@Args() args: TagsArgs) {
    return this.tagsService.list(args);
  }
}
