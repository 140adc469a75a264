import { ApiTokensService, AuthModule, TOKEN_NAME_PATTERN, type ApiTokenInfo, type RoleName } from '@pressroom/auth';
import { withCliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';

export function createToken(name: string, role: RoleName): Promise<{ token: ApiTokenInfo; secret: string }> {
  if (!TOKEN_NAME_PATTERN.test(name))
    throw new UsageError('--name must be letters, digits and . _ @ : - (at most 100)');
  return withCliContext([AuthModule], (context) => context.get(ApiTokensService).create(name, role));
}

export function listTokens(): Promise<ApiTokenInfo[]> {
  return withCliContext([AuthModule], (context) => context.get(ApiTokensService).list());
}

export function revokeToken(name: string): Promise<ApiTokenInfo> {
  return withCliContext([AuthModule], (context) => context.get(ApiTokensService).revoke(name));
}
