import { Module } from '@nestjs/common';
import { ArticleImportModule } from '@pressroom/content/import';
import { ExportService } from './export/export.service.js';
import { DuplicateFilesRepository } from './jobs/duplicate-files.repository.js';
import { ImportJobsRepository } from './jobs/import-jobs.repository.js';
import { ImportJobsService } from './jobs/import-jobs.service.js';
import { ImportRunner } from './import-runner.service.js';
import { ImportService } from './import.service.js';
import { PlannerStatistics } from './planner-statistics.service.js';
import { ImportQueue } from './queue/import-queue.service.js';
import { JobStaging } from './staging/job-staging.service.js';
import { PostgresUploadStore } from './staging/postgres-upload-store.js';
import { StagedFilesRepository } from './staging/staged-files.repository.js';
import { UploadChunksRepository } from './staging/upload-chunks.repository.js';
import { UploadStore } from './staging/upload-store.js';

/** Import jobs: sources, parsing on worker threads, batched writes, the queue. */
@Module({
  imports: [ArticleImportModule],
  providers: [
    DuplicateFilesRepository,
    ImportJobsRepository,
    ImportJobsService,
    ImportRunner,
    PlannerStatistics,
    ImportQueue,
    ImportService,
    ExportService,
    UploadChunksRepository,
    StagedFilesRepository,
    { provide: UploadStore, useClass: PostgresUploadStore },
    JobStaging,
  ],
  exports: [ImportJobsService, ImportService, ExportService, UploadStore],
})
export class ImporterModule {}
