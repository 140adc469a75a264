import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** Every environment variable Pressroom reads, with its default. README documents each. */
export class Env {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => Number(value)) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /** PostgreSQL to use; when unset, an embedded server keeps its data under DATA_DIR. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Import the bundled sample posts when the database has no article. */
  @Transform(toBoolean) @IsBoolean()
  SEED_SAMPLE_POSTS = true;

  /** IANA zone for front-matter dates given without an offset. */
  @IsString()
  IMPORT_TIME_ZONE = 'UTC';

  @Transform(toBoolean) @IsBoolean()
  GRAPHQL_INTROSPECTION = true;

  @Transform(toBoolean) @IsBoolean()
  GRAPHQL_IDE = true;

  /** Seconds a shared cache may keep an anonymous GraphQL response. */
  @Transform(({ value }) => Number(value)) @IsInt() @Min(0)
  CACHE_MAX_AGE = 60;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
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
  return env;
}
