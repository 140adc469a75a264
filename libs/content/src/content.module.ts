import { Module } from '@nestjs/common';
import { ArticlesModule } from './articles/articles.module.js';
import { AuthorsModule } from './authors/authors.module.js';
import { SearchModule } from './search/search.module.js';
import { TagsModule } from './tags/tags.module.js';

/** Articles, authors and tags: the content a frontend reads and an editor writes. */
@Module({
  imports: [ArticlesModule, AuthorsModule, TagsModule, SearchModule],
  exports: [ArticlesModule, AuthorsModule, TagsModule],
})
export class ContentModule {}
