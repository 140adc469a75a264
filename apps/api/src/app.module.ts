import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from '@pressroom/auth';
import { ContentModule } from '@pressroom/content';
import { PrismaModule } from '@pressroom/database';
import { ImporterGraphqlModule } from '@pressroom/importer/graphql';
import { WebhooksModule } from '@pressroom/webhooks';
import type { Logger } from 'pino';
import { validateEnv } from './config/index.js';
import { AdminModule } from './admin/admin.module.js';
import { AppExceptionFilter } from './errors/app-exception.filter.js';
import { GraphqlConfig } from './graphql.config.js';
import { GraphqlIdeModule } from './graphql/graphql-ide.module.js';
import { HealthModule } from './health/health.module.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { ResponseCacheModule } from './response-cache/response-cache.module.js';

export interface AppOptions {
  /** The migrated database to use (see prepareDatabase). */
  databaseUrl: string;
  /** A read replica for anonymous reads (DATABASE_REPLICA_URL). */
  replicaUrl?: string;
  /** Count every SQL statement (DatabasePool.onQuery; tests). */
  logQueries?: boolean;
  /** Cancel statements after this many ms (DATABASE_STATEMENT_TIMEOUT). */
  statementTimeoutMs?: number;
  /** The process's connection budget on the primary (DATABASE_POOL_SIZE); 10 when absent. */
  poolSize?: number;
  /** Prepare the hot statements once per connection (DATABASE_PREPARED_STATEMENTS); default true. */
  preparedStatements?: boolean;
  /** Runs after the app has closed, e.g. to stop an embedded PostgreSQL. */
  onShutdown?: () => Promise<void>;
  /** Where request lines go (main.ts: createLog from LOG_LEVEL/LOG_FORMAT); not logged when absent. */
  log?: Logger;
}

class ShutdownHook implements OnApplicationShutdown {
  constructor(private readonly options: AppOptions) {}
  async onApplicationShutdown(): Promise<void> {
    await this.options.onShutdown?.();
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnv, ignoreEnvFile: true }),
        ObservabilityModule.forRoot({ log: options.log }),
        PrismaModule.forRoot({
          url: options.databaseUrl,
          replicaUrl: options.replicaUrl,
          logQueries: options.logQueries,
          statementTimeoutMs: options.statementTimeoutMs,
          poolSize: options.poolSize,
          preparedStatements: options.preparedStatements,
        }),
        AuthModule,
        ResponseCacheModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, ResponseCacheModule],
          useClass: GraphqlConfig,
        }),
        ContentModule,
        ImporterGraphqlModule,
        WebhooksModule,
        HealthModule,
        GraphqlIdeModule,
        AdminModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: ShutdownHook, useFactory: () => new ShutdownHook(options) },
      ],
    };
  }
}
