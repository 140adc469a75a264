import { Module } from '@nestjs/common';
import { AuthorsResolver } from './authors.resolver.js';
import { AuthorsService } from './authors.service.js';

@Module({ providers: [AuthorsService, AuthorsResolver], exports: [AuthorsService] })
export class AuthorsModule {}
