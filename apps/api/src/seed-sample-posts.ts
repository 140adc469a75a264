import { type INestApplication, Logger } from '@nestjs/common';
import type { Env } from './config/index.js';

/** On an empty database, imports the bundled sample posts so a new install has content. */
export async function seedSamplePosts(_app: INestApplication, _env: Env): Promise<void> {
  new Logger('Seed').log('sample posts: importer not wired yet');
}
