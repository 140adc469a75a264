import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@ArgsType()
export class RevokeApiTokenArgs {
  @Field() @IsString() @Length(1, 100) name!: string;
}
