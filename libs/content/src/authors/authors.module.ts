import { Module } from '@nestjs/common';
import { AuthorEditingService } from './author-editing.service.js';
import { AuthorsMutationsResolver } from './authors-mutations.resolver.js';
import { AuthorsResolver } from './authors.resolver.js';
import { AuthorsService } from './authors.service.js';

@Module({
  providers: [AuthorsService, AuthorsResolver, AuthorEditingService, AuthorsMutationsResolver],
  exports: [AuthorsService],
})
export class AuthorsModule {}
