import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveConsole } from './console/serve-console.js';
import { validationError } from './errors/to-app-error.js';
import { configureHttp } from './http/configure-http.js';
import { RequestLog } from './observability/request-log.js';
import { ResponseCacheHooks } from './response-cache/response-cache-hooks.js';
import { ArgsValidationPipe } from './validation/args-validation.pipe.js';

/**
 * What main.ts and the tests both apply to the app (made with createHttpAdapter(), without
 * Nest's body parser), so tests run what production runs. The request log's and the response
 * cache's hooks come first: they run before any plugin's (CORS, ETag, compression).
 */
export async function setupApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  const fastify = app.getHttpAdapter().getInstance();
  app.get(RequestLog).register(fastify);
  app.get(ResponseCacheHooks).register(fastify);
  await configureHttp(app);
  serveConsole(app);
  app.useGlobalPipes(
    new ArgsValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationError,
    }),
  );
  app.enableShutdownHooks();
  return app;
}
