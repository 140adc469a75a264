import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppLogger, createLog } from '@pressroom/common';
import { prepareDatabase } from '@pressroom/database';
import { AppModule } from './app.module.js';
import { DEFAULT_DATA_DIR, validateEnv } from './config/index.js';
import { seedSamplePosts } from './seed-sample-posts.js';
import { setupApp } from './setup-app.js';

async function bootstrap(): Promise<void> {
  const env = validateEnv(process.env);
  // JSON lines (or pretty ones on a terminal) from here on, Nest's own included.
  const log = createLog(env);
  const appLogger = new AppLogger(log);
  Logger.overrideLogger(appLogger);
  const logger = new Logger('Bootstrap');
  const database = await prepareDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR ?? DEFAULT_DATA_DIR,
    log: (message) => logger.log(message),
  });
  const appModule = AppModule.forRoot({
    databaseUrl: database.url,
    poolSize: env.DATABASE_POOL_SIZE,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT,
    onShutdown: database.stop,
    log,
  });
  const app = await NestFactory.create(appModule, { bufferLogs: true, logger: appLogger });
  setupApp(app);
  if (env.SEED_SAMPLE_POSTS) await seedSamplePosts(app);
  await app.listen(env.PORT);
  logger.log(`GraphQL on http://localhost:${env.PORT}/graphql`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Bootstrap').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
