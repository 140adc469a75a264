import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import type { Tag as TagRow } from '@pressroom/database';
import { CreateTagArgs } from './dto/create-tag.args.js';
import { UpdateTagArgs } from './dto/update-tag.args.js';
import { Tag } from './models/tag.model.js';
import { TagEditingService } from './tag-editing.service.js';

@Resolver(() => Tag)
@Roles('EDITOR')
export class TagsMutationsResolver {
  constructor(private readonly editing: TagEditingService) {}

  @Mutation(() => Tag, { description: 'A tag, or a category with kind: CATEGORY' })
  createTag(@Args() { input }: CreateTagArgs): Promise<TagRow> {
    return this.editing.create(input);
  }

  @Mutation(() => Tag)
  updateTag(@Args() { id, input }: UpdateTagArgs): Promise<TagRow> {
    return this.editing.update(id, input);
  }
}
