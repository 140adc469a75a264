import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { validationError } from './errors/to-app-error.js';
import { configureHttp } from './http/configure-http.js';

// Express's default of 100 kB would refuse a long article sent to createArticle/updateArticle;
// bodies may be as large as an importable file (5 MB of text, up to 3 bytes a character).
const JSON_BODY_LIMIT = '16mb';

/** What main.ts and the tests both apply to the app, so tests run what production runs. */
export function setupApp(app: INestApplication): INestApplication {
  configureHttp(app);
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT });
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
