import { Module } from '@nestjs/common';
import { ArticlesModule } from './articles/articles.module.js';
import { AuthorsModule } from './authors/authors.module.js';
import { SearchModule } from './search/search.module.js';
import { SqlReaderModule } from './sql-reader.module.js';
import { TagsModule } from './tags/tags.module.js';

/** Articles, authors and tags: the content a frontend reads and an editor writes. */
@Module({
  imports: [SqlReaderModule, ArticlesModule, AuthorsModule, TagsModule, SearchModule],
  exports: [ArticlesModule, AuthorsModule, TagsModule],
})
export class ContentModule {}
