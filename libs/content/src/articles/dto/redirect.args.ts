import { ArgsType, Field } from '@nestjs/graphql';
import { MAX_REDIRECT_PATH_LENGTH } from '@pressroom/frontmatter';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RedirectArgs {
  @Field({
    description: 'An old URL path (or URL) of an article: permalink, Hugo alias, redirect_from, an old slug',
  })
  @IsString()
  @MaxLength(MAX_REDIRECT_PATH_LENGTH)
  path!: string;
}
