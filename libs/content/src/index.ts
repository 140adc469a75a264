export { ContentModule } from './content.module.js';
export { ArticlesModule } from './articles/articles.module.js';
export { ArticlesService } from './articles/articles.service.js';
export { AuthorsModule } from './authors/authors.module.js';
export { AuthorsService } from './authors/authors.service.js';
export { TagsModule } from './tags/tags.module.js';
export { TagsService } from './tags/tags.service.js';
export { createContentLoaders, type ContentLoaders } from './loaders.js';
export type { GqlContext } from './context.js';
export { revisionSnapshotSql, storedLinks } from './articles/revision-snapshot.sql.js';
export type { ArticleSnapshot } from './articles/revision-snapshot.js';
export { ArticleImportService } from './articles/article-import.service.js';
export {
  ArticleSearchReindexService,
  type SearchReindexOptions,
  type SearchReindexTotals,
} from './articles/article-search-reindex.service.js';
export type { ImportedPost, ImportedPostResult, ImportOutcome } from './articles/imported-post.js';
export { importColumns, type ImportColumns } from './articles/import-columns.js';
export { duplicateWarning } from './articles/import-plan.js';
export type { JobWrites } from './articles/import-slugs.js';
export {
  bulkIndexMerge,
  bulkIndexOff,
  bulkIndexOn,
  bulkIndexPrepare,
  mergeSearchIndexPendingList,
} from './search/bulk-search-index.repository.js';
export { searchDocument, type SearchDocument, type SearchSource } from './search/search-document.js';
export { SqlReader } from './sql-reader.service.js';
export { resolveArticleRelationsDirectly } from './articles/article-relations.js';
