import {
  type INestApplicationContext,
  Logger,
  type LoggerService,
  type LogLevel,
  type ModuleMetadata,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppLogger, createLog, DEFAULT_DATA_DIR, validateEnv, type Env } from '@pressroom/common';
import { prepareDatabase, type PreparedDatabase } from '@pressroom/database';
import { CliModule } from './cli.module.js';

/**
 * Runs `work` with a Nest context of `features` on a migrated database (DATABASE_URL, else the
 * embedded one that `npm start` uses), then closes everything. Logs go to stderr so stdout
 * stays parseable. Each command names only the modules it uses: the API's (GraphQL schema,
 * resolvers) took the CLI a second to load before an import read its first file (issue 15).
 */
export async function withCliContext<T>(
  features: ModuleMetadata['imports'],
  work: (context: INestApplicationContext, env: Env) => Promise<T>,
  options: { log?: boolean } = {},
): Promise<T> {
  // Commands run jobs inline; only `worker` consumes the queue.
  process.env.IMPORT_WORKER ??= 'false';
  process.env.WEBHOOK_WORKER ??= 'false';
  const env = validateEnv(process.env);
  const logger = options.log ? processLogger(env) : (['error', 'warn'] satisfies LogLevel[]);
  const database = await openDatabase(env);
  const context = await NestFactory.createApplicationContext(
    CliModule.forRoot(
      {
        url: database.url,
        poolSize: env.DATABASE_POOL_SIZE,
        preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
        prismaOnFirstQuery: true,
      },
      features,
    ),
    { logger },
  );
  try {
    return await work(context, env);
  } finally {
    await context.close();
    await database.stop();
  }
}

/** The migrated database of `env`, logging to stderr. */
export function openDatabase(env: Env): Promise<PreparedDatabase> {
  return prepareDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR ?? DEFAULT_DATA_DIR,
    log: (message) => process.stderr.write(`${message}\n`),
  });
}

/**
 * For long-running commands (`worker`): every line through pino at LOG_LEVEL, as the API logs
 * (JSON, or pretty on a terminal; see LOG_FORMAT), on stderr.
 */
function processLogger(env: Env): LoggerService {
  const logger = new AppLogger(createLog({ ...env, fd: 2 }));
  Logger.overrideLogger(logger);
  return logger;
}
