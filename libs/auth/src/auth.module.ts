import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiTokensService } from './api-tokens.service.js';
import { RolesGuard } from './roles.guard.js';

@Module({
  providers: [ApiTokensService, { provide: APP_GUARD, useClass: RolesGuard }],
  exports: [ApiTokensService],
})
export class AuthModule {}
