import { Module } from '@nestjs/common';
import { ArticleImportService } from './article-import.service.js';

/**
 * The importer's batch writes alone: no resolver or GraphQL type on its import graph, so the
 * CLI's `import` loads it without the schema (see `@pressroom/content/import`).
 */
@Module({
  providers: [ArticleImportService],
  exports: [ArticleImportService],
})
export class ArticleImportModule {}
