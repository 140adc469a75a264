import { Module } from '@nestjs/common';
import { SearchResolver } from './search.resolver.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';

@Module({ providers: [SearchService, SearchRepository, SearchResolver], exports: [SearchService] })
export class SearchModule {}
