import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { jsonBodyParser } from './body-limits.js';
import { serveConsole } from './console/serve-console.js';
import { validationError } from './errors/to-app-error.js';
import { configureHttp } from './http/configure-http.js';

/** What main.ts and the tests both apply to the app, so tests run what production runs. */
export function setupApp(app: INestApplication): INestApplication {
  configureHttp(app);
  serveConsole(app);
  app.use(jsonBodyParser());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationError,
    }),
  );
  app.enableShutdownHooks();
  return app;
}
