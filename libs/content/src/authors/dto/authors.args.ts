import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '@pressroom/common';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

@ArgsType()
export class AuthorArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() slug?: string;
}

@ArgsType()
export class AuthorsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Authors whose name contains this text' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  nameContains?: string;
}
