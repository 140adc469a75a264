import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateEnv } from '../../apps/api/src/config/index.js';
import { createHttpAdapter } from '../../apps/api/src/http/http-adapter.js';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppLogger } from '@pressroom/common';
import { PrismaService } from '@pressroom/database';
import type { Logger } from 'pino';
import { AppModule } from '../../apps/api/src/app.module.js';
import { ResponseCache } from '../../apps/api/src/response-cache/response-cache.service.js';
import { setupApp } from '../../apps/api/src/setup-app.js';
import { createTestDatabase } from './test-database.js';

export interface TestAppOptions {
  logQueries?: boolean;
  /** Consume the import queue in this app (off by default: most tests run imports inline). */
  importWorker?: boolean;
  /** Run the scheduled-publication check and webhook deliveries in this app (off by default). */
  webhookWorker?: boolean;
  /** Use this database instead of a new one (e.g. a second app on the same data). */
  databaseUrl?: string;
  /**
   * RESPONSE_CACHE_MAX_BYTES; 0 (off) by default, because factories write through Prisma around
   * the API, which the cache (emptied by the app's own mutations and imports) cannot see.
   */
  responseCacheMaxBytes?: number;
  /** Where the app logs (Nest's lines and one per request); Nest's console, errors only, otherwise. */
  log?: Logger;
}

/** The real AppModule on a fresh, migrated database of its own. */
export async function createTestApp(options: TestAppOptions = {}): Promise<INestApplication> {
  process.env.IMPORT_WORKER = options.importWorker ? 'true' : 'false';
  process.env.WEBHOOK_WORKER = options.webhookWorker ? 'true' : 'false';
  process.env.RESPONSE_CACHE_MAX_BYTES = String(options.responseCacheMaxBytes ?? 0);
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ databaseUrl, logQueries: options.logQueries, log: options.log })],
  }).compile();
  const logger = options.log ? new AppLogger(options.log) : ['error' as const, 'warn' as const];
  return startApp(await appFrom(moduleRef, { logger }));
}

/** An app of `moduleRef` as main.ts makes one (HTTP server, setupApp), not yet started. */
export async function appFrom(
  moduleRef: TestingModule,
  options: Pick<NestApplicationOptions, 'logger'> = {},
): Promise<NestFastifyApplication> {
  const adapter = createHttpAdapter(validateEnv(process.env).TRUST_PROXY);
  return setupApp(moduleRef.createNestApplication<NestFastifyApplication>(adapter, { ...options, bodyParser: false }));
}

/** Starts `app` without listening: supertest then sends to its server. */
export async function startApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Empties every table (migrations bookkeeping aside) before a test, and the response cache. */
export async function resetDb(app: INestApplication): Promise<void> {
  app.get(ResponseCache).invalidate();
  const prisma = app.get(PrismaService);
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (!tables.length) return;
  const list = tables.map((t) => `"${t.tablename}"`).join(', ');
  // A background worker (webhookWorker) may hold a lock TRUNCATE needs: one of the two loses a deadlock.
  for (let attempt = 1; ; attempt++) {
    try {
      return void (await prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`));
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('40P01')) throw error;
    }
  }
}
