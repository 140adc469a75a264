import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { IsCorsOrigins, IsHost, IsTrustProxy, toList, toTrustProxy, type TrustProxy } from './http-env.js';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** Every environment variable Pressroom reads, with its default. README documents each. */
export class Env {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Address to listen on; unset: every interface (IPv6 and IPv4). */
  @IsOptional()
  @IsHost()
  HOST?: string;

  /** Origins whose pages may call the API (comma-separated), or `*` for anonymous reads from anywhere. */
  @Transform(toList)
  @IsCorsOrigins()
  CORS_ORIGINS: string[] = [];

  /** Express's `trust proxy`: false, true, a hop count, or addresses/subnets of the proxies. */
  @Transform(toTrustProxy)
  @IsTrustProxy()
  TRUST_PROXY: TrustProxy = false;

  /** PostgreSQL to use; when unset, an embedded server keeps its data under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgresql:// URL' })
  DATABASE_URL?: string;

  /**
   * A read replica of DATABASE_URL: anonymous reads (lists, search, relations) go there, editors'
   * reads and every write to DATABASE_URL. Unset: everything goes to DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_REPLICA_URL must be a postgresql:// URL' })
  DATABASE_REPLICA_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  /**
   * The process's connection budget on DATABASE_URL: Prisma, plain SQL and the import queue share
   * one pool of at most this many connections (the replica, when set, has a pool of its own).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /**
   * Prepare the hot statements of fixed text once per connection; false behind a pooler in
   * transaction mode that does not keep prepared statements (PgBouncer before 1.21).
   */
  @Transform(toBoolean)
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS = true;

  /** Milliseconds after which PostgreSQL cancels an API statement (answered SERVICE_UNAVAILABLE); 0: never. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  DATABASE_STATEMENT_TIMEOUT = 15_000;

  /** Import the bundled sample posts when the database has no article; default: not in production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  SEED_SAMPLE_POSTS!: boolean;

  /** IANA zone for front-matter dates given without an offset. */
  @IsString()
  IMPORT_TIME_ZONE = 'UTC';

  /** Worker threads that parse and render imported files; 0 parses on the main thread. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(64)
  IMPORT_THREADS = Math.max(1, availableParallelism());

  /**
   * Milliseconds a parse thread may spend on one imported file; past it the file fails with
   * PARSE_TIMEOUT and the thread is replaced (a hostile header can hold a parser for seconds).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  IMPORT_FILE_TIME_BUDGET_MS = 5000;

  /**
   * Bytes of post files an import process holds at once, between reading them and writing
   * their rows (each batch's files count from before they are parsed until written): what
   * bounds its memory, whatever the posts' sizes. A file larger than this goes alone.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  IMPORT_BYTES_IN_FLIGHT = 16 * 1024 * 1024;

  /**
   * Import batches put their search-index entries in the GIN pending list and merge it before
   * they commit (switched on when a batch starts, off when the job ends), instead of one index
   * insertion per article; false inserts them one by one.
   */
  @Transform(toBoolean)
  @IsBoolean()
  IMPORT_BULK_SEARCH_INDEX = true;

  /** Run import jobs from the queue in this process (the API); false for API-only replicas. */
  @Transform(toBoolean)
  @IsBoolean()
  IMPORT_WORKER = true;

  /** Batches of one import a worker process writes at once. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(16)
  IMPORT_BATCH_CONCURRENCY = 2;

  /** Seconds before a queued import step held by a dead worker is handed to another. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(5)
  IMPORT_EXPIRE_SECONDS = 900;

  /**
   * Run the scheduled-publication check, the webhook dispatcher and webhook deliveries in this
   * process (the API); false for API-only replicas. One process is enough; many share the work.
   */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_WORKER = true;

  /** Deliver to loopback, private, link-local and metadata addresses (a receiver on this machine). */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE = false;

  /** Seconds a failing delivery is retried (exponential backoff) before its webhook is disabled. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_FOR_SECONDS = 86_400;

  /** Milliseconds before the first retry; each next one waits twice as long, at most an hour. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  WEBHOOK_RETRY_BASE_MS = 10_000;

  /** Milliseconds one delivery may take, connecting and answering included. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Deliveries one process sends at once (a slow receiver holds one of them, at most WEBHOOK_TIMEOUT_MS). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(64)
  WEBHOOK_CONCURRENCY = 8;

  /** Milliseconds between looks for new changes, due deliveries and passed publication times. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(50)
  WEBHOOK_POLL_MS = 1000;

  /**
   * Milliseconds from an article write to the merge of the search index's pending list it was
   * added to (SearchIndexMerger); 0: no merging after writes, writers merge a full list.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(60_000)
  SEARCH_INDEX_MERGE_MS = 250;

  /** Largest upload accepted by POST /admin/imports, in bytes. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  IMPORT_MAX_UPLOAD_BYTES = 1024 ** 3;

  /** Failed token checks one address may make per window before it is refused with 429. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  AUTH_FAILURE_LIMIT = 20;

  /** The window of AUTH_FAILURE_LIMIT, and how long an address that passed it stays refused. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  AUTH_FAILURE_WINDOW_SECONDS = 600;

  /** Default: not in production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  GRAPHQL_INTROSPECTION!: boolean;

  /** The offline GraphiQL at GET /graphql; default: not in production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  GRAPHQL_IDE!: boolean;

  /** Seconds a shared cache may keep an anonymous GraphQL response. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  CACHE_MAX_AGE = 60;

  /**
   * Bytes of anonymous GraphQL responses the API keeps in memory for CACHE_MAX_AGE seconds, served
   * without running the query again; 0 turns that cache off.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  RESPONSE_CACHE_MAX_BYTES = 32 * 1024 ** 2;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** `json`: one JSON object a line; `pretty`: for people; `auto`: pretty on a terminal outside production. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** Serve /metrics on this port, without auth, instead of on PORT for ADMIN tokens; 0 picks a free one. */
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  /** The address METRICS_PORT listens on. */
  @IsString()
  METRICS_HOST = '127.0.0.1';
}

/** Parses and checks the environment; a bad value stops the boot with every problem listed. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  // What a production deployment must ask for; a developer gets it by default.
  const developing = env.NODE_ENV !== 'production';
  env.SEED_SAMPLE_POSTS ??= developing;
  env.GRAPHQL_INTROSPECTION ??= developing;
  env.GRAPHQL_IDE ??= developing;
  return env;
}
