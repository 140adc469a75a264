import { ConfigService } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCompress from '@fastify/compress';
import { parseJsonBodies } from '../body-limits.js';
import type { Env } from '../config/index.js';
import { corsOptions } from './cors-options.js';
import { addEtags } from './etag.js';

/**
 * HTTP settings from the environment, applied before any route: CORS (CORS_ORIGINS), JSON
 * bodies within the caller's limit, a weak ETag on GET and HEAD answers (and 304 when the client
 * has it: etag.ts), and gzip or brotli for bodies of 1 kB and more when the client
 * accepts them. Plugins apply in this order, after the hooks added directly (the request log,
 * the response cache), so the cache stores and the ETag hashes the body before it is compressed.
 * Which proxies to believe (TRUST_PROXY) is set where the server is made (http-adapter.ts).
 */
export async function configureHttp(app: NestFastifyApplication): Promise<void> {
  const config = app.get<ConfigService<Env, true>>(ConfigService);
  const fastify = app.getHttpAdapter().getInstance();
  app.enableCors(corsOptions(config.get('CORS_ORIGINS', { infer: true })));
  parseJsonBodies(fastify);
  addEtags(fastify);
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
}
