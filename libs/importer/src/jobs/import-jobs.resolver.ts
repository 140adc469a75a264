import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import { ConnectionArgs, toConnection, toPageRequest } from '@pressroom/common';
import { IsUUID } from 'class-validator';
import { ImportJob, ImportJobConnection } from './import-job.model.js';
import { ImportJobsService } from './import-jobs.service.js';

@ArgsType()
class ImportJobArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

/** Import jobs for admins: the same report as GET /admin/imports/:id. */
@Resolver(() => ImportJob)
export class ImportJobsResolver {
  constructor(private readonly jobs: ImportJobsService) {}

  @Query(() => ImportJob)
  @Roles('ADMIN')
  importJob(@Args() { id }: ImportJobArgs) {
    return this.jobs.report(id);
  }

  @Query(() => ImportJobConnection, { description: 'Newest first' })
  @Roles('ADMIN')
  async importJobs(@Args() args: ConnectionArgs) {
    const request = toPageRequest(args);
    if (request.backward) request.backward = false; // newest-first list pages forwards only
    const [jobs, total] = await Promise.all([
      this.jobs.list({ take: request.take + 1, cursor: request.cursor ? String(request.cursor[0]) : undefined }),
      this.jobs.count(),
    ]);
    const reports = await Promise.all(jobs.map((j) => this.jobs.report(j.id)));
    return toConnection(reports, request, total, (r) => [r.id]);
  }
}
