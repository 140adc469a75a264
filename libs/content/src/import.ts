// `@pressroom/content/import`: what the importer writes articles with, without the rest of the
// content lib (resolvers, GraphQL types): the CLI's `import` loads only this (issue 15).
export { ArticleImportModule } from './articles/article-import.module.js';
export { ArticleImportService } from './articles/article-import.service.js';
export type { ImportedPost, ImportedPostResult, ImportOutcome } from './articles/imported-post.js';
export { ARTICLE_IMPORT_TABLES, estimatedArticleCount } from './articles/article-import.repository.js';
export { duplicateWarning } from './articles/import-plan.js';
export type { JobWrites } from './articles/import-slugs.js';
export { bulkIndexMerge, bulkIndexOff, bulkIndexOn, bulkIndexPrepare } from './search/bulk-search-index.repository.js';
