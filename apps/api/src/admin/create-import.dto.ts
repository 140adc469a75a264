import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

/** Form fields of POST /admin/imports besides the `files` parts. */
export class CreateImportDto {
  /** Parse and check, write nothing. */
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  dryRun?: boolean;

  /** Status of posts whose header does not say. */
  @IsOptional()
  @IsIn(['PUBLISHED', 'DRAFT'])
  defaultStatus?: 'PUBLISHED' | 'DRAFT';
}
