import { Module } from '@nestjs/common';
import { ArticleRelationsResolver } from './article-relations.resolver.js';
import { ArticlesResolver } from './articles.resolver.js';
import { ArticlesService } from './articles.service.js';

@Module({
  providers: [ArticlesService, ArticlesResolver, ArticleRelationsResolver],
  exports: [ArticlesService],
})
export class ArticlesModule {}
