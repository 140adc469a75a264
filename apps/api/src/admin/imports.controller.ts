import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { Roles } from '@pressroom/auth';
import { BadUserInputError, type Viewer } from '@pressroom/common';
import { ImportJobsService, ImportService, UploadStore } from '@pressroom/importer';
import { CreateImportDto } from './create-import.dto.js';
import { UploadLifetime, type UploadRequest } from './upload-storage.js';

/** Files per request; storage and size limits come from MultipartModule in AdminModule. */
export const MAX_UPLOAD_FILES = 10_000;

/** Bulk import of front-matter posts: many files, or one archive, per request. ADMIN only. */
@Controller('admin/imports')
@Roles('ADMIN')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly jobs: ImportJobsService,
    private readonly uploads: UploadStore,
  ) {}

  /** Hands the stored upload to a new job, queues it and answers at once; the queue does the work. */
  @Post()
  @HttpCode(202)
  @UseInterceptors(UploadLifetime, FilesInterceptor('files', MAX_UPLOAD_FILES))
  async create(
    @UploadedFiles() files: UploadedMultipartFile[] | undefined,
    @Body() options: CreateImportDto,
    @Req() req: UploadRequest & { viewer?: Viewer },
  ) {
    if (!files?.length)
      throw new BadUserInputError('Send the posts (or one archive) in the multipart field "files"', 'files');
    assertDistinctNames(files);
    const job = await this.imports.createJob({
      source: 'upload',
      dryRun: options.dryRun ?? false,
      defaultStatus: options.defaultStatus ?? 'PUBLISHED',
      createdBy: req.viewer?.name ?? null,
    });
    try {
      const parts = files.map((f) => ({ name: f.originalname, part: Number(f.filename) }));
      await this.uploads.attach(await req.uploadId!, job.id, parts);
      await this.imports.submit(job);
    } catch (error) {
      await this.uploads.deleteForJob(job.id);
      await this.jobs.fail(job.id, `upload could not be queued: ${(error as Error).message}`);
      throw error;
    }
    return { id: job.id, status: 'queued' };
  }

  @Get(':id')
  report(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.jobs.report(id);
  }

  /** The 50 newest jobs, summaries only; GET /admin/imports/:id has the per-file lists. */
  @Get()
  async list() {
    return (await this.jobs.list({ take: 50 })).map((j) => this.jobs.summary(j));
  }
}

/**
 * Two parts with one name would stage to one path, the second silently replacing the first:
 * refused, naming the file, since a renamed copy would import under an identity nobody chose.
 */
function assertDistinctNames(files: UploadedMultipartFile[]): void {
  const seen = new Set<string>();
  for (const { originalname } of files) {
    if (seen.has(originalname)) {
      throw new BadUserInputError(`Two uploaded files are named ${originalname}; rename one`, 'files', {
        reason: 'DUPLICATE_FILE_NAME',
        name: originalname,
      });
    }
    seen.add(originalname);
  }
}
