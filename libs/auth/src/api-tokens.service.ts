import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  ANONYMOUS,
  BadUserInputError,
  ConflictError,
  cursorTuple,
  currentRequest,
  NotFoundError,
  toConnection,
  toPageRequest,
  type Connection,
  type ConnectionArgs,
  type Viewer,
} from '@pressroom/common';
import { ContentChanges, PrismaService, type ApiToken, type Role } from '@pressroom/database';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { TokenRefusedError } from './auth-errors.js';
import { AuthFailuresService } from './auth-failures.service.js';
import { PREVIEW_PREFIX, PreviewTokensService } from './preview-tokens.service.js';
import { TOKEN_NAME_PATTERN, TOKEN_NAME_RULE } from './token-name.js';
import { generateSecret, hashSecret, sameHash } from './token-secret.js';
import { VerifiedTokens } from './verified-tokens.js';

// lastUsedAt is bookkeeping: write it at most once a minute per token, not on every request.
const LAST_USED_RESOLUTION_MS = 60_000;
const BEARER = /^Bearer\s+(\S+)$/i;

export type ApiTokenInfo = Omit<ApiToken, 'secretHash'>;

@Injectable()
export class ApiTokensService implements OnModuleInit {
  private verified = new VerifiedTokens();

  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: ApiTokensRepository,
    private readonly failures: AuthFailuresService,
    private readonly previews: PreviewTokensService,
    private readonly moduleRef: ModuleRef,
  ) {}

  // Verified tokens are kept only where ContentChanges listens (the API process): it hears every
  // process's revocations. The CLI and the worker have none, and ask the database each time.
  onModuleInit(): void {
    const changes = contentChangesIn(this.moduleRef);
    if (changes) this.verified = new VerifiedTokens(changes);
  }

  /** Creates a token and returns its secret, which is never stored nor shown again. */
  async create(name: string, role: Role): Promise<{ token: ApiTokenInfo; secret: string }> {
    if (!TOKEN_NAME_PATTERN.test(name)) throw new BadUserInputError(`A token name is ${TOKEN_NAME_RULE}`, 'name');
    const existing = await this.prisma.apiToken.findUnique({ where: { name } });
    if (existing) throw new ConflictError(`A token named "${name}" already exists`, { field: 'name' });
    const secret = generateSecret();
    const { secretHash: _hash, ...token } = await this.prisma.apiToken.create({
      data: { name, role, secretHash: hashSecret(secret) },
    });
    return { token, secret };
  }

  list(): Promise<ApiTokenInfo[]> {
    return this.prisma.apiToken.findMany({
      omit: { secretHash: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Tokens oldest first, as a Relay connection (the GraphQL `apiTokens` list). */
  async page(args: ConnectionArgs): Promise<Connection<ApiTokenInfo>> {
    const request = toPageRequest(args);
    const direction = request.backward ? 'desc' : 'asc';
    const cursor = cursorTuple(request, ['uuid']);
    const [rows, totalCount] = await Promise.all([
      this.prisma.apiToken.findMany({
        omit: { secretHash: true },
        orderBy: [{ createdAt: direction }, { id: direction }],
        take: request.take + 1,
        ...(cursor ? { cursor: { id: cursor[0] as string }, skip: 1 } : {}),
      }),
      this.prisma.apiToken.count(),
    ]);
    return toConnection(rows, request, totalCount, (row) => [row.id]);
  }

  /** Revokes a token by name; revoking a revoked token changes nothing. */
  async revoke(name: string): Promise<ApiTokenInfo> {
    const token = await this.prisma.apiToken.findUnique({ where: { name }, omit: { secretHash: true } });
    if (!token) throw new NotFoundError('ApiToken', { name });
    if (token.revokedAt) return token;
    const revoked = await this.prisma.apiToken.update({
      where: { name },
      data: { revokedAt: new Date() },
      omit: { secretHash: true },
    });
    this.verified.clear(); // here at once; other processes on its notification
    return revoked;
  }

  /**
   * The viewer for an `Authorization` header: anonymous without one, the token's role with a
   * valid one, UNAUTHENTICATED for a malformed, unknown or revoked token. A valid token is always
   * accepted: failures count against `address` (the client `req.ip` names, see TRUST_PROXY) and
   * only turn that address's *failed* attempts into TOO_MANY_REQUESTS, so a stranger's guesses
   * behind the same proxy or NAT never lock out an editor. Guessing stays hopeless (a secret is
   * 256 random bits); the limit keeps a scanner from hammering the table, as 429s cost no write.
   */
  async viewerFor(authorization: string | undefined, address = 'unknown'): Promise<Viewer> {
    if (!authorization) return ANONYMOUS;
    const secret = BEARER.exec(authorization.trim())?.[1];
    if (secret?.startsWith(PREVIEW_PREFIX)) return this.previewViewer(secret, address);
    const hash = secret ? hashSecret(secret) : null;
    const token = hash ? await this.lookUp(hash) : null;
    const refusal = refusalOf(token, hash);
    if (refusal) {
      await this.failures.assertAllowed(address);
      await this.failures.recordFailure(address);
      throw new TokenRefusedError(refusal);
    }
    await this.touch(token!);
    const request = currentRequest(); // the request log names the token, never its secret
    if (request) request.token = token!.name;
    return { role: token!.role, name: token!.name };
  }

  /** The token with this hash: kept from a recent lookup when valid, else from the database. */
  private async lookUp(hash: string): Promise<ApiToken | null> {
    const kept = this.verified.get(hash);
    if (kept) return kept;
    const generation = this.verified.generation;
    const token = await this.tokens.findByHash(hash);
    if (token && !refusalOf(token, hash)) this.verified.set(hash, token, generation);
    return token;
  }

  /**
   * A preview token's viewer: anonymous, plus the one article whose draft `article(id|slug)`
   * may answer. An unknown, expired or revoked one is refused like a bad API token.
   */
  private async previewViewer(secret: string, address: string): Promise<Viewer> {
    const articleId = await this.previews.articleIdFor(secret);
    if (articleId) return { ...ANONYMOUS, previewArticleId: articleId };
    await this.failures.assertAllowed(address);
    await this.failures.recordFailure(address);
    throw new TokenRefusedError('Unknown, expired or revoked preview token');
  }

  private async touch(token: ApiToken): Promise<void> {
    const now = Date.now();
    if (token.lastUsedAt && now - token.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    await this.tokens.markUsed(token.id, new Date(now));
    token.lastUsedAt = new Date(now); // the kept copy too, so it is written once a minute
  }
}

function contentChangesIn(moduleRef: ModuleRef): ContentChanges | undefined {
  try {
    return moduleRef.get(ContentChanges, { strict: false });
  } catch {
    return undefined; // not in this application
  }
}

/** Why a token is refused, or null when it is good. */
function refusalOf(token: ApiToken | null, hash: string | null): string | null {
  if (hash === null) return 'The Authorization header must be "Bearer <token>"';
  if (!token || !sameHash(token.secretHash, hash)) return 'Unknown API token';
  if (token.revokedAt) return 'This API token has been revoked';
  return null;
}
