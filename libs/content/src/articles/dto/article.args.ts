import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAX_SLUG_LENGTH } from '../../slugs.js';

@ArgsType()
export class ArticleArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_SLUG_LENGTH) slug?: string;
}
