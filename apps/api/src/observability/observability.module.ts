import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from '@pressroom/auth';
import { AppLogger } from '@pressroom/common';
import { ImporterModule } from '@pressroom/importer';
import { pino, type Logger } from 'pino';
import { ResponseCacheModule } from '../response-cache/response-cache.module.js';
import { APP_LOG } from './log.token.js';
import { MetricsServer } from './metrics-server.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { RequestLog } from './request-log.js';
import { StateMetrics } from './state-metrics.js';

export interface ObservabilityOptions {
  /** The root logger main.ts built (createLog); without one, requests are not logged. */
  log?: Logger;
}

/**
 * Logs (a line per request, see RequestLog) and Prometheus metrics (/metrics, see
 * MetricsController and MetricsServer). Global: the GraphQL config adds the metrics plugin.
 */
@Global()
@Module({})
export class ObservabilityModule {
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
        RequestLog,
      ],
      exports: [APP_LOG, AppLogger, MetricsService, MetricsServer, RequestLog],
    };
  }
}
