import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';
import { DatabasePool } from './database-pool.js';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database.options.js';
import { logConnectionError } from './pg-errors.js';

/**
 * The Prisma client for the whole app, talking to PostgreSQL through the pg driver adapter on
 * the process's one pool (DatabasePool), which outlives it: the pool ends after every module
 * has stopped, so Prisma neither opens connections of its own nor ends the shared pool.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrismaService.name);

  constructor(
    database: DatabasePool,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions,
  ) {
    super({
      // Idle clients' errors are logged by DatabasePool's own listener.
      adapter: new PrismaPg(database.primary, {
        disposeExternalPool: false,
        onConnectionError: (error) => logConnectionError('prisma transaction', error),
      }),
    });
  }

  async onModuleInit(): Promise<void> {
    if (this.options.prismaOnFirstQuery) return;
    await this.$connect();
    this.logger.log('connected to PostgreSQL');
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
