import { Args, ArgsType, Field, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import { ConnectionArgs, cursorTuple, toConnection, toPageRequest } from '@pressroom/common';
import { IsUUID } from 'class-validator';
import { ImportJob, ImportJobConnection, ImportProblem } from './import-job.model.js';
import { ImportJobsService, type ImportSummary } from './import-jobs.service.js';

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
  async importJob(@Args() { id }: ImportJobArgs): Promise<ImportSummary> {
    return this.jobs.summary(await this.jobs.get(id));
  }

  @Query(() => ImportJobConnection, { description: 'Newest first' })
  @Roles('ADMIN')
  async importJobs(@Args() args: ConnectionArgs) {
    const request = toPageRequest(args);
    if (request.backward) request.backward = false; // newest-first list pages forwards only
    const cursor = cursorTuple(request, ['uuid'])?.[0] as string | undefined;
    const [jobs, total] = await Promise.all([this.jobs.list({ take: request.take + 1, cursor }), this.jobs.count()]);
    return toConnection(
      jobs.map((j) => this.jobs.summary(j)),
      request,
      total,
      (r) => [r.id],
    );
  }

  // Per-file lists are read only when a query selects them.
  @ResolveField(() => [ImportProblem], { description: 'Failed files (first 1000)' })
  errors(@Parent() job: ImportSummary) {
    return this.jobs.errorsOf(job.id);
  }

  @ResolveField(() => [ImportProblem], { description: 'Warnings (first 1000)' })
  warnings(@Parent() job: ImportSummary) {
    return this.jobs.warningsOf(job.id);
  }
}
