-- Issue 15: an import writes one ImportItem per file, so each row's cost is paid 100,000 times.
-- A file's outcome is identified by its job and path (already unique): the random uuid key
-- was a third index to maintain, with inserts scattered over it. Warnings are NULL when there
-- are none (a created file has none), instead of a '[]' document on every row.
ALTER TABLE "ImportItem" DROP CONSTRAINT "ImportItem_pkey";
ALTER TABLE "ImportItem" DROP COLUMN "id";
ALTER INDEX "ImportItem_jobId_path_key" RENAME TO "ImportItem_pkey";
ALTER TABLE "ImportItem" ADD CONSTRAINT "ImportItem_pkey" PRIMARY KEY USING INDEX "ImportItem_pkey";
ALTER TABLE "ImportItem" ALTER COLUMN "warnings" DROP NOT NULL, ALTER COLUMN "warnings" DROP DEFAULT;
UPDATE "ImportItem" SET warnings = NULL WHERE warnings = '[]'::jsonb;
