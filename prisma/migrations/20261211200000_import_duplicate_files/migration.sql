-- Issue 15: a file skipped as a duplicate (another file with a smaller path has its identity)
-- has no article at its path, so an unchanged re-import could not settle it by hash and parsed
-- it again, loading the parser in every thread for 2% of the files. This remembers, per path,
-- the hash and identity it was skipped with.
CREATE TABLE "ImportDuplicateFile" (
    "path" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "importKey" TEXT NOT NULL,
    "warnings" JSONB,

    CONSTRAINT "ImportDuplicateFile_pkey" PRIMARY KEY ("path")
);
