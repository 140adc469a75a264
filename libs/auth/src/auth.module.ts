import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiTokensResolver } from './api-tokens.resolver.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { ApiTokensService } from './api-tokens.service.js';
import { AuthFailuresService } from './auth-failures.service.js';
import { PreviewTokensRepository } from './preview-tokens.repository.js';
import { PreviewTokensService } from './preview-tokens.service.js';
import { RolesGuard } from './roles.guard.js';
import { ViewerResolver } from './viewer.resolver.js';

@Module({
  providers: [
    ApiTokensService,
    ApiTokensRepository,
    AuthFailuresService,
    PreviewTokensRepository,
    PreviewTokensService,
    ApiTokensResolver,
    ViewerResolver,
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [ApiTokensService, PreviewTokensService],
})
export class AuthModule {}
