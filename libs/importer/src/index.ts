export { ImporterModule } from './importer.module.js';
export { ImportService } from './import.service.js';
export { ImportRunner } from './import-runner.service.js';
export {
  ImportJobsService,
  type ImportReport,
  type ImportSummary,
  type ImportTotals,
  type NewImportJob,
} from './jobs/import-jobs.service.js';
export { finalStatus, type ImportCounts, type ItemRecord } from './jobs/import-counts.js';
export { IMPORT_LIMITS, type ImportLimits } from './limits.js';
export { stageFiles, type IncomingFile } from './sources/stage-files.js';
export { walkPosts } from './sources/folder-source.js';
export { SourceRejectedError, type ImportEntry, type RejectedEntry } from './sources/import-entry.js';
export { ExportService, type ExportedFile } from './export/export.service.js';
export { UploadStore, type UploadedPart } from './staging/upload-store.js';
