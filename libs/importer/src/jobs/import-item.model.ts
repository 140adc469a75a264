import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@pressroom/common/graphql';
import { ImportItemOutcome } from '@pressroom/database';

registerEnumType(ImportItemOutcome, { name: 'ImportOutcome', description: 'What an import did with one file' });

@ObjectType()
export class ImportWarning {
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field() message!: string;
}

@ObjectType('ImportItem', { description: "One file's outcome in an import job" })
export class ImportItemModel {
  @Field() path!: string;
  @Field(() => ImportItemOutcome) outcome!: ImportItemOutcome;
  @Field(() => Int, { nullable: true, description: 'Where a failed file failed' }) line!: number | null;
  @Field(() => String, { nullable: true, description: 'Why a file failed' }) message!: string | null;
  @Field(() => [ImportWarning]) warnings!: ImportWarning[];
  @Field(() => ID, { nullable: true }) articleId!: string | null;
}

@ObjectType()
export class ImportItemConnection extends ConnectionType(ImportItemModel, 'ImportItem') {}
