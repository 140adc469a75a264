import { Injectable } from '@nestjs/common';
import { PreviewTokensRepository } from './preview-tokens.repository.js';
import { generateSecret, hashSecret } from './token-secret.js';

/** Preview tokens start so; API tokens with `prs_`. */
export const PREVIEW_PREFIX = 'prv_';

/**
 * Tokens that let a frontend read one article's draft through `article(id|slug)` and nothing
 * else (issue 16). Only a hash is stored, as for API tokens; the caller checks the article.
 */
@Injectable()
export class PreviewTokensService {
  constructor(private readonly tokens: PreviewTokensRepository) {}

  async create(
    articleId: string,
    ttlSeconds: number,
    createdBy: string | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = PREVIEW_PREFIX + generateSecret().slice(4);
    const expiresAt = await this.tokens.insert(articleId, hashSecret(token), ttlSeconds, createdBy);
    return { token, expiresAt };
  }

  revokeAll(articleId: string): Promise<number> {
    return this.tokens.revokeAll(articleId);
  }

  /** The article a usable preview token unlocks, or null. */
  async articleIdFor(secret: string): Promise<string | null> {
    return (await this.tokens.findUsable(hashSecret(secret)))?.articleId ?? null;
  }
}
