import { Args, Context, Int, Mutation, Resolver } from '@nestjs/graphql';
import { PreviewTokensService, Roles } from '@pressroom/auth';
import type { Viewer } from '@pressroom/common';
import { ArticlesService } from '@pressroom/content';
import { CreatePreviewTokenArgs } from './dto/create-preview-token.args.js';
import { RevokePreviewTokensArgs } from './dto/revoke-preview-tokens.args.js';
import { PreviewToken } from './models/preview-token.model.js';

/** Draft previews for frontends (issue 16). */
@Resolver(() => PreviewToken)
@Roles('EDITOR')
export class PreviewsResolver {
  constructor(
    private readonly previews: PreviewTokensService,
    private readonly articles: ArticlesService,
  ) {}

  @Mutation(() => PreviewToken, { description: 'A read-only token for one article, expiring after `ttl` seconds' })
  async createPreviewToken(
    @Args() { articleId, ttl }: CreatePreviewTokenArgs,
    @Context() { viewer }: { viewer: Viewer },
  ): Promise<PreviewToken> {
    await this.articles.getOne({ id: articleId }, viewer);
    const { token, expiresAt } = await this.previews.create(articleId, ttl, viewer.name);
    return { token, articleId, expiresAt };
  }

  @Mutation(() => Int, { description: "Revokes the article's live preview tokens; returns how many" })
  revokePreviewTokens(@Args() { articleId }: RevokePreviewTokensArgs): Promise<number> {
    return this.previews.revokeAll(articleId);
  }
}
