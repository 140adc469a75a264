import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common/graphql';

@ObjectType()
export class ImportProblem {
  @Field() path!: string;
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field() message!: string;
}

@ObjectType()
export class ImportCountsModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) skipped!: number;
}

@ObjectType('ImportProgress')
export class ImportProgressModel {
  @Field(() => Int) processed!: number;
  @Field(() => Int) total!: number;
}

@ObjectType()
export class ImportJob {
  @Field(() => ID) id!: string;
  @Field({ description: 'queued, running, succeeded, partial or failed' }) status!: string;
  @Field({ description: 'upload, cli or seed' }) source!: string;
  @Field() dryRun!: boolean;
  @Field(() => ImportCountsModel) counts!: ImportCountsModel;
  @Field(() => ImportProgressModel) progress!: ImportProgressModel;
  @Field(() => String, { nullable: true, description: 'Why the whole job failed, if it did' }) error!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType()
export class ImportJobConnection extends ConnectionType(ImportJob) {}
