export { AuthModule } from './auth.module.js';
export { ApiTokensService, type ApiTokenInfo } from './api-tokens.service.js';
export { Roles, assertRole, type RoleName } from './roles.js';
export { hashSecret } from './token-secret.js';
