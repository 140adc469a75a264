import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_CHANGES_PAGE = 100;

@ArgsType()
export class ChangesArgs {
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page; none: from the start' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  since?: string;

  @Field(() => Int, { defaultValue: 100, description: `At most ${MAX_CHANGES_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_CHANGES_PAGE)
  first!: number;
}
