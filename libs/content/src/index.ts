export { ContentModule } from './content.module.js';
export { ArticlesModule } from './articles/articles.module.js';
export { ArticlesService } from './articles/articles.service.js';
export { AuthorsModule } from './authors/authors.module.js';
export { AuthorsService } from './authors/authors.service.js';
export { TagsModule } from './tags/tags.module.js';
export { TagsService } from './tags/tags.service.js';
export { createContentLoaders, type ContentLoaders } from './loaders.js';
export type { GqlContext } from './context.js';
