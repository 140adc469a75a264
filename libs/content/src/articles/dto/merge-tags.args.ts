import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsUUID } from 'class-validator';

@ArgsType()
export class MergeTagsArgs {
  @Field(() => [ID], { description: 'Tags to merge away; they are deleted' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  sources!: string[];

  @Field(() => ID, { description: 'The tag every article of the sources ends up with' })
  @IsUUID()
  target!: string;
}
