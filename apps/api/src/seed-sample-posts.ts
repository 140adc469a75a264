import { type INestApplication, Logger } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { ImportService } from '@pressroom/importer';
import { SAMPLE_POSTS_DIR } from './config/index.js';

/** On an empty database, imports the bundled sample posts so a new install has content. */
export async function seedSamplePosts(app: INestApplication): Promise<void> {
  const logger = new Logger('Seed');
  if (await app.get(PrismaService).article.findFirst({ select: { id: true } })) return;
  logger.log(`empty database: importing the sample posts from ${SAMPLE_POSTS_DIR}...`);
  const imports = app.get(ImportService);
  const job = await imports.createJob({ source: 'seed', sourcePath: SAMPLE_POSTS_DIR, createdBy: 'seed' });
  const done = await imports.importPaths(job, [SAMPLE_POSTS_DIR]);
  logger.log(`sample posts: ${done.created} created, ${done.failed} failed (${SAMPLE_POSTS_DIR})`);
}
