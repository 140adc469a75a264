import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '@pressroom/common';
import type { GqlContext } from '../context.js';
import { SearchArgs } from './dto/search.args.js';
import { ArticleSearchConnection } from './models/article-search-connection.model.js';
import { SearchService, type SearchEdge } from './search.service.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => ArticleSearchConnection, { description: 'Articles matching a full-text query, best first; Chinese works' })
  search(@Args() args: SearchArgs, @Context() { viewer }: GqlContext): Promise<Connection<unknown, SearchEdge>> {
    return this.searchService.search(args, viewer);
  }
}
