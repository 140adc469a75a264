export { AuthModule } from './auth.module.js';
export { ApiTokensService, type ApiTokenInfo } from './api-tokens.service.js';
export { TokenRefusedError, TooManyFailuresError } from './auth-errors.js';
export { Roles, assertRole, type RoleName } from './roles.js';
export { hashSecret } from './token-secret.js';
export { TOKEN_NAME_PATTERN } from './token-name.js';
export { PreviewTokensService, PREVIEW_PREFIX } from './preview-tokens.service.js';
