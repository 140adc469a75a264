/** Every environment variable Pressroom reads, with its default. README documents each. */
export declare class Env {
    NODE_ENV: 'development' | 'production' | 'test';
    PORT: number;
    /** PostgreSQL to use; when unset, an embedded server keeps its data under DATA_DIR. */
    DATABASE_URL?: string;
    DATA_DIR?: string;
    DATABASE_POOL_SIZE: number;
    /** Import the bundled sample posts when the database has no article. */
    SEED_SAMPLE_POSTS: boolean;
    /** IANA zone for front-matter dates given without an offset. */
    IMPORT_TIME_ZONE: string;
    GRAPHQL_INTROSPECTION: boolean;
    GRAPHQL_IDE: boolean;
    /** Seconds a shared cache may keep an anonymous GraphQL response. */
    CACHE_MAX_AGE: number;
    LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}
/** Parses and checks the environment; a bad value stops the boot with every problem listed. */
export declare function validateEnv(raw: Record<string, unknown>): Env;
