import { Module } from '@nestjs/common';
import { ImporterModule } from './importer.module.js';
import { ImportItemsService } from './jobs/import-items.service.js';
import { ImportJobsResolver } from './jobs/import-jobs.resolver.js';

/** The GraphQL side of imports (`importJob`, `importJobs`): the API's, never the CLI's. */
@Module({
  imports: [ImporterModule],
  providers: [ImportJobsResolver, ImportItemsService],
})
export class ImporterGraphqlModule {}
