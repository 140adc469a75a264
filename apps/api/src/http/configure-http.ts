import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { Env } from '../config/index.js';
import { corsOptions } from './cors-options.js';

/**
 * Express settings from the environment, applied before any route: which proxies to believe
 * about the client's address (TRUST_PROXY, read by `req.ip`), CORS (CORS_ORIGINS) and gzip or
 * brotli for bodies of 1 kB and more when the client accepts them.
 */
export function configureHttp(app: INestApplication): void {
  const config = app.get<ConfigService<Env, true>>(ConfigService);
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.get('TRUST_PROXY', { infer: true }));
  express.enableCors(corsOptions(config.get('CORS_ORIGINS', { infer: true })));
  express.use(compression());
}
