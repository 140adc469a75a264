import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database.options.js';
import { logConnectionError } from './pg-errors.js';

const CONNECT_TIMEOUT_MS = 10_000;

/** The Prisma client for the whole app, talking to PostgreSQL through the pg driver adapter. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrismaService.name);

  constructor(@Inject(DATABASE_OPTIONS) options: DatabaseOptions) {
    super({
      // A server that stops answering yields errors, not requests waiting forever for a connection.
      adapter: new PrismaPg(
        {
          connectionString: options.url,
          max: options.poolSize ?? 10,
          connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
          application_name: 'pressroom',
          ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
        },
        {
          onPoolError: (error) => logConnectionError('prisma idle client', error),
          onConnectionError: (error) => logConnectionError('prisma transaction', error),
        },
      ),
      log: options.logQueries ? [{ emit: 'event', level: 'query' }] : [],
    });
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
    this.logger.log('connected to PostgreSQL');
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
