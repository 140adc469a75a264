// The environment schema lives in @pressroom/common so the CLI validates the same variables.
export { Env, validateEnv, DEFAULT_DATA_DIR, REPO_ROOT, SAMPLE_POSTS_DIR } from '@pressroom/common';
