export { Env, validateEnv } from './env.schema.js';
export type { TrustProxy } from './http-env.js';
export { DEFAULT_DATA_DIR, REPO_ROOT, SAMPLE_POSTS_DIR } from './paths.js';
