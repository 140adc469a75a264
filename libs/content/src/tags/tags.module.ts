import { Module } from '@nestjs/common';
import { TagsResolver } from './tags.resolver.js';
import { TagsService } from './tags.service.js';

@Module({ providers: [TagsService, TagsResolver], exports: [TagsService] })
export class TagsModule {}
