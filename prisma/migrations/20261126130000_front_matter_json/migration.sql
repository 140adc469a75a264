-- jsonb reorders object keys; json keeps the header as the author wrote it.
-- AlterTable
ALTER TABLE "Article" ALTER COLUMN "frontMatter" SET DATA TYPE JSON;
