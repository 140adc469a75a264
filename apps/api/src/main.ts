import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppLogger, createLog } from '@pressroom/common';
import { installProcessSafety, prepareDatabase } from '@pressroom/database';
import { AppModule } from './app.module.js';
import { DEFAULT_DATA_DIR, validateEnv } from './config/index.js';
import { CONSOLE_PATH } from './console/serve-console.js';
import { createHttpAdapter } from './http/http-adapter.js';
import { seedSamplePosts } from './seed-sample-posts.js';
import { setupApp } from './setup-app.js';

async function bootstrap(): Promise<void> {
  installProcessSafety();
  const env = validateEnv(process.env);
  // JSON lines (or pretty ones on a terminal) from here on, Nest's own included.
  const log = createLog(env);
  const appLogger = new AppLogger(log);
  Logger.overrideLogger(appLogger);
  const logger = new Logger('Bootstrap');
  const dataDir = env.DATA_DIR ?? DEFAULT_DATA_DIR;
  logger.log(
    env.DATABASE_URL
      ? 'applying pending migrations to DATABASE_URL...'
      : `starting the embedded PostgreSQL in ${dataDir} (initialised on the first start), then applying migrations...`,
  );
  const database = await prepareDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir,
    log: (message) => logger.log(message),
  });
  const appModule = AppModule.forRoot({
    databaseUrl: database.url,
    replicaUrl: env.DATABASE_REPLICA_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    onShutdown: database.stop,
    log,
  });
  const app = await NestFactory.create<NestFastifyApplication>(appModule, createHttpAdapter(env.TRUST_PROXY), {
    bufferLogs: true,
    logger: appLogger,
    bodyParser: false, // configure-http.ts's, with the per-caller limits
  });
  await setupApp(app);
  if (env.SEED_SAMPLE_POSTS) await seedSamplePosts(app);
  await listen(app, env.PORT, env.HOST);
  logger.log(`GraphQL on http://${urlHost(env.HOST)}:${env.PORT}/graphql`);
  logger.log(`Console on http://${urlHost(env.HOST)}:${env.PORT}${CONSOLE_PATH}`);
}

/**
 * On HOST, or, unset, on every interface as Node's own default does (Fastify's would be
 * localhost only): IPv6 and IPv4 through `::`, IPv4 alone where the kernel has no IPv6.
 */
async function listen(app: NestFastifyApplication, port: number, host: string | undefined): Promise<void> {
  if (host) return void (await app.listen(port, host));
  try {
    await app.listen(port, '::');
  } catch (error) {
    if ((error as { code?: string }).code !== 'EAFNOSUPPORT') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

/** How to reach HOST in a URL; unset (every interface) or a wildcard address: localhost. */
function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

bootstrap().catch((error: unknown) => {
  new Logger('Bootstrap').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
