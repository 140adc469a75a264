import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID } from 'class-validator';

@ArgsType()
export class ArticleArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() slug?: string;
}
