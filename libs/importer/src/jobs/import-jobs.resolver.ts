import { Args, ArgsType, Field, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import { cursorTuple, toConnection, toPageRequest } from '@pressroom/common';
import { ConnectionArgs } from '@pressroom/common/graphql';
import { ImportItemOutcome } from '@pressroom/database';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ImportItemConnection } from './import-item.model.js';
import { ImportItemsService } from './import-items.service.js';
import { ImportJob, ImportJobConnection, ImportProblem } from './import-job.model.js';
import { ImportJobsService, REPORT_LIST_LIMIT, type ImportSummary } from './import-jobs.service.js';

@ArgsType()
class ImportJobArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@ArgsType()
class ImportItemsArgs extends ConnectionArgs {
  @Field(() => ImportItemOutcome, { nullable: true })
  @IsOptional()
  @IsEnum(ImportItemOutcome)
  outcome?: ImportItemOutcome;
}

/** Import jobs for admins: the same report as GET /admin/imports/:id. */
@Resolver(() => ImportJob)
export class ImportJobsResolver {
  constructor(
    private readonly jobs: ImportJobsService,
    private readonly importItems: ImportItemsService,
  ) {}

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
  @ResolveField(() => [ImportProblem], { description: `Failed files (the first ${REPORT_LIST_LIMIT}; see moreErrors)` })
  errors(@Parent() job: ImportSummary) {
    return this.jobs.errorsOf(job.id);
  }

  @ResolveField(() => Int, { description: 'Failed files past the `errors` list (all of them are in `items`)' })
  moreErrors(@Parent() job: ImportSummary): number {
    return Math.max(0, job.counts.failed - REPORT_LIST_LIMIT);
  }

  @ResolveField(() => [ImportProblem], { description: `Warnings (the first ${REPORT_LIST_LIMIT}; see moreWarnings)` })
  warnings(@Parent() job: ImportSummary) {
    return this.jobs.warningsOf(job.id);
  }

  @ResolveField(() => Int, { description: 'Warnings past the `warnings` list (all of them are in `items`)' })
  async moreWarnings(@Parent() job: ImportSummary): Promise<number> {
    return Math.max(0, (await this.jobs.warningCount(job.id)) - REPORT_LIST_LIMIT);
  }

  @ResolveField(() => ImportItemConnection, { description: "Every file's outcome, in path order" })
  items(@Parent() job: ImportSummary, @Args() { outcome, ...page }: ImportItemsArgs) {
    return this.importItems.page(job.id, outcome, toPageRequest(page));
  }
}
