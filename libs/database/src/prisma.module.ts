import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database.options.js';
import { PrismaService } from './prisma.service.js';
import { SqlPool } from './sql-pool.service.js';

/** Registers the one PrismaService of the app; feature modules import PrismaModule to use it. */
@Global()
@Module({})
export class PrismaModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: PrismaModule,
      providers: [{ provide: DATABASE_OPTIONS, useValue: options }, PrismaService, SqlPool],
      exports: [PrismaService, SqlPool, DATABASE_OPTIONS],
    };
  }
}
