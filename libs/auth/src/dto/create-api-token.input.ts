import { Field, InputType } from '@nestjs/graphql';
import { Role } from '@pressroom/database';
import { IsEnum, Matches } from 'class-validator';
import { TOKEN_NAME_PATTERN, TOKEN_NAME_RULE } from '../token-name.js';

@InputType()
export class CreateApiTokenInput {
  @Field() @Matches(TOKEN_NAME_PATTERN, { message: `name must be ${TOKEN_NAME_RULE}` }) name!: string;
  @Field(() => Role) @IsEnum(Role) role!: Role;
}
