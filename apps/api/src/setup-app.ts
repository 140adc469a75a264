import type { INestApplication } from '@nestjs/common';
import { jsonBodyParser } from './body-limits.js';
import { serveConsole } from './console/serve-console.js';
import { validationError } from './errors/to-app-error.js';
import { configureHttp } from './http/configure-http.js';
import { ArgsValidationPipe } from './validation/args-validation.pipe.js';

/** What main.ts and the tests both apply to the app, so tests run what production runs. */
export function setupApp(app: INestApplication): INestApplication {
  configureHttp(app);
  serveConsole(app);
  app.use(jsonBodyParser());
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
