import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs } from '@pressroom/common/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ArticleWhereInput } from '../../articles/dto/articles.args.js';

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field({
    description:
      'Words to find in titles and bodies, Chinese included. All must match; "quoted words" match as a phrase, -word excludes, OR accepts either side',
  })
  @IsString()
  @Length(1, 200)
  query!: string;

  @Field(() => ArticleWhereInput, { nullable: true, description: 'Narrows the hits like the filter of `articles`' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ArticleWhereInput)
  where?: ArticleWhereInput;
}
