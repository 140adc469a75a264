import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, UnauthenticatedError, type Viewer, ANONYMOUS } from '@pressroom/common';
import { PrismaService, type ApiToken, type Role } from '@pressroom/database';
import { generateSecret, hashSecret, sameHash } from './token-secret.js';

// lastUsedAt is bookkeeping: write it at most once a minute per token, not on every request.
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenInfo = Omit<ApiToken, 'secretHash'>;

@Injectable()
export class ApiTokensService {
  constructor(private readonly prisma: PrismaService) {}

  /** Creates a token and returns its secret, which is never stored nor shown again. */
  async create(name: string, role: Role): Promise<{ token: ApiTokenInfo; secret: string }> {
    const secret = generateSecret();
    const existing = await this.prisma.apiToken.findUnique({ where: { name } });
    if (existing) throw new ConflictError(`A token named "${name}" already exists`, { field: 'name' });
    const { secretHash: _hash, ...token } = await this.prisma.apiToken.create({
      data: { name, role, secretHash: hashSecret(secret) },
    });
    return { token, secret };
  }

  list(): Promise<ApiTokenInfo[]> {
    return this.prisma.apiToken.findMany({ omit: { secretHash: true }, orderBy: { createdAt: 'asc' } });
  }

  async revoke(name: string): Promise<ApiTokenInfo> {
    const token = await this.prisma.apiToken.findUnique({ where: { name }, omit: { secretHash: true } });
    if (!token) throw new NotFoundError('ApiToken', { name });
    if (token.revokedAt) return token;
    return this.prisma.apiToken.update({ where: { name }, data: { revokedAt: new Date() }, omit: { secretHash: true } });
  }

  /**
   * The viewer for an `Authorization` header: anonymous without one, the token's role with a
   * valid one, UNAUTHENTICATED for a malformed, unknown or revoked token.
   */
  async viewerFor(authorization: string | undefined): Promise<Viewer> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    const hash = hashSecret(match[1]!);
    const token = await this.prisma.apiToken.findUnique({ where: { secretHash: hash } });
    if (!token || !sameHash(token.secretHash, hash)) throw new UnauthenticatedError('Unknown API token');
    if (token.revokedAt) throw new UnauthenticatedError('This API token has been revoked');
    await this.touch(token);
    return { role: token.role, name: token.name };
  }

  private async touch(token: ApiToken): Promise<void> {
    const now = Date.now();
    if (token.lastUsedAt && now - token.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    await this.prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } });
  }
}
