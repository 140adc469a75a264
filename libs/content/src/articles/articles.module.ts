import { Module } from '@nestjs/common';
import { ArticleEditingService } from './article-editing.service.js';
import { ArticleImportModule } from './article-import.module.js';
import { ArticlePublishingService } from './article-publishing.service.js';
import { ArticleRelationsResolver } from './article-relations.resolver.js';
import { ArticleRevisionsResolver } from './article-revisions.resolver.js';
import { ArticleRevisionsService } from './article-revisions.service.js';
import { ArticleSearchReindexService } from './article-search-reindex.service.js';
import { ArticleTaggingResolver } from './article-tagging.resolver.js';
import { ArticleTaggingService } from './article-tagging.service.js';
import { ArticleWriter } from './article-writer.service.js';
import { ArticlesMutationsResolver } from './articles-mutations.resolver.js';
import { ArticlesResolver } from './articles.resolver.js';
import { ArticlesService } from './articles.service.js';
import { AuthorArticlesResolver } from './author-articles.resolver.js';
import { BodyRenderer } from './rendering/body-renderer.service.js';
import { SearchIndexMerger } from '../search/search-index-merger.service.js';
import { TagArticlesResolver } from './tag-articles.resolver.js';

@Module({
  imports: [ArticleImportModule],
  providers: [
    ArticlesService,
    ArticlesResolver,
    ArticleRelationsResolver,
    AuthorArticlesResolver,
    TagArticlesResolver,
    ArticleWriter,
    ArticleEditingService,
    ArticlePublishingService,
    ArticleRevisionsService,
    ArticleTaggingService,
    ArticlesMutationsResolver,
    ArticleRevisionsResolver,
    ArticleTaggingResolver,
    BodyRenderer,
    ArticleSearchReindexService,
    SearchIndexMerger,
  ],
  exports: [ArticlesService, ArticleImportModule, ArticleSearchReindexService, SearchIndexMerger],
})
export class ArticlesModule {}
