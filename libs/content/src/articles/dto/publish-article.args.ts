import { ArgsType, Field, GraphQLISODateTime } from '@nestjs/graphql';
import { IsDate, IsOptional } from 'class-validator';
import { ArticleIdArgs } from './article-id.args.js';

@ArgsType()
export class PublishArticleArgs extends ArticleIdArgs {
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When readers may see it: a future moment schedules it, nothing needs to run then. Default: now (or the current date of a published article).',
  })
  @IsOptional()
  @IsDate()
  at?: Date;
}
