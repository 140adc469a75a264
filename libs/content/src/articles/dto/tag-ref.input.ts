import { Field, ID, InputType } from '@nestjs/graphql';
import { TagKind } from '@pressroom/database';
import { IsEnum, IsUUID, Length, ValidateIf } from 'class-validator';
import { IsSlug } from '../../validators.js';

/** An existing tag or category, by id or by slug and kind (give id or slug). */
@InputType()
export class TagRefInput {
  @Field(() => ID, { nullable: true })
  @ValidateIf((ref: TagRefInput) => ref.slug == null || ref.id != null)
  @IsUUID()
  id?: string;

  @Field({ nullable: true })
  @ValidateIf((ref: TagRefInput) => ref.id == null || ref.slug != null)
  @Length(1, 200)
  @IsSlug()
  slug?: string;

  @Field(() => TagKind, { defaultValue: TagKind.TAG, description: 'With slug: TAG or CATEGORY' })
  @IsEnum(TagKind)
  kind!: TagKind;
}
