import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export const DEFAULT_PREVIEW_TTL = 3600;
export const MAX_PREVIEW_TTL = 7 * 24 * 3600;

@ArgsType()
export class CreatePreviewTokenArgs {
  @Field(() => ID)
  @IsUUID('all')
  articleId!: string;

  @Field(() => Int, {
    defaultValue: DEFAULT_PREVIEW_TTL,
    description: `Seconds the token works, from 1 to ${MAX_PREVIEW_TTL} (7 days); one hour by default`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PREVIEW_TTL)
  ttl!: number;
}
