import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GqlContext } from '../context.js';
import { articleSelection, selectedFields } from '../selection.js';
import { SearchArgs } from './dto/search.args.js';
import { ArticleSearchConnection } from './models/article-search-connection.model.js';
import { SearchService, type SearchConnection } from './search.service.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => ArticleSearchConnection, {
    description: 'Articles matching a full-text query, best first; Chinese works',
  })
  search(
    @Args() args: SearchArgs,
    @Context() { viewer }: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchConnection> {
    const selection = articleSelection(info, ['edges', 'node']);
    // The snippet is cut from the excerpt and the HTML.
    if (selectedFields(info, ['edges']).has('highlight'))
      selection.fields = new Set([...selection.fields, 'excerpt', 'html']);
    const top = selectedFields(info);
    return this.searchService.search(args, viewer, selection, top.has('totalCount') || top.has('totalCountIsEstimate'));
  }
}
