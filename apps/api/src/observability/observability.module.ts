import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AuthModule } from '@pressroom/auth';
import { AppLogger } from '@pressroom/common';
import { ImporterModule } from '@pressroom/importer';
import { pino, type Logger } from 'pino';
import { ResponseCacheModule } from '../response-cache/response-cache.module.js';
import { APP_LOG } from './log.token.js';
import { MetricsServer } from './metrics-server.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { RequestLogMiddleware } from './request-log.middleware.js';
import { StateMetrics } from './state-metrics.js';

export interface ObservabilityOptions {
  /** The root logger main.ts built (createLog); without one, requests are not logged. */
  log?: Logger;
}

/**
 * Logs (a line per request, see RequestLogMiddleware) and Prometheus metrics (/metrics, see
 * MetricsController and MetricsServer). Global: the GraphQL config adds the metrics plugin.
 */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions = {}): DynamicModule {
    const log = options.log ?? pino({ level: 'silent' });
    return {
      module: ObservabilityModule,
      imports: [AuthModule, ImporterModule, ResponseCacheModule],
      controllers: [MetricsController],
      providers: [
        { provide: APP_LOG, useValue: log },
        { provide: AppLogger, useValue: new AppLogger(log) },
        MetricsService,
        StateMetrics,
        MetricsServer,
      ],
      exports: [APP_LOG, AppLogger, MetricsService, MetricsServer],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogMiddleware).forRoutes('*');
  }
}
