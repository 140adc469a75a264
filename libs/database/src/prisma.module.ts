import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DatabasePool } from './database-pool.js';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database.options.js';
import { PrismaService } from './prisma.service.js';
import { SqlPool } from './sql-pool.service.js';

/**
 * Registers the app's one DatabasePool and the two ways to use it: PrismaService and SqlPool.
 * Feature modules import PrismaModule to use them.
 */
@Global()
@Module({})
export class PrismaModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: PrismaModule,
      providers: [{ provide: DATABASE_OPTIONS, useValue: options }, DatabasePool, PrismaService, SqlPool],
      exports: [DatabasePool, PrismaService, SqlPool, DATABASE_OPTIONS],
    };
  }
}
