import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID, Length, ValidateIf } from 'class-validator';
import { IsSlug } from '../../validators.js';

/** An existing author, by id or by slug (give one of them). */
@InputType()
export class AuthorRefInput {
  @Field(() => ID, { nullable: true })
  @ValidateIf((ref: AuthorRefInput) => ref.slug == null || ref.id != null)
  @IsUUID()
  id?: string;

  @Field({ nullable: true })
  @ValidateIf((ref: AuthorRefInput) => ref.id == null || ref.slug != null)
  @Length(1, 200)
  @IsSlug()
  slug?: string;
}
