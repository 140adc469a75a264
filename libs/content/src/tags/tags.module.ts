import { Module } from '@nestjs/common';
import { TagEditingService } from './tag-editing.service.js';
import { TagsMutationsResolver } from './tags-mutations.resolver.js';
import { TagsResolver } from './tags.resolver.js';
import { TagsService } from './tags.service.js';

@Module({ providers: [TagsService, TagsResolver, TagEditingService, TagsMutationsResolver], exports: [TagsService] })
export class TagsModule {}
