-- Uploads and staged post files live in PostgreSQL, so any worker (with its own DATA_DIR, on any
-- machine) can run any step of an import (issue 13). See docs/decisions.md.

-- An upload in flight: created at its first part; "jobId" is set when it became a job, and a
-- row without one belongs to a request still running (or one a crash cut short).
CREATE TABLE "ImportUpload" (
    "id" UUID NOT NULL,
    "jobId" UUID,
    "parts" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportUpload_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ImportUpload_jobId_key" ON "ImportUpload"("jobId");
ALTER TABLE "ImportUpload" ADD CONSTRAINT "ImportUpload_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each uploaded part's bytes, in order, in chunks of at most 1 MiB.
CREATE TABLE "ImportUploadChunk" (
    "uploadId" UUID NOT NULL,
    "part" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ImportUploadChunk_pkey" PRIMARY KEY ("uploadId","part","seq")
);
ALTER TABLE "ImportUploadChunk" ADD CONSTRAINT "ImportUploadChunk_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "ImportUpload"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Archives are compressed already: TOAST compressing them again would only cost CPU.
ALTER TABLE "ImportUploadChunk" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;

-- A job's post files once staged (archives extracted), for its batch steps.
CREATE TABLE "ImportStagedFile" (
    "jobId" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "ImportStagedFile_pkey" PRIMARY KEY ("jobId","path")
);
ALTER TABLE "ImportStagedFile" ADD CONSTRAINT "ImportStagedFile_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Set once the job's files are staged: the site root every batch takes identities from, and
-- how many entries staging refused (part of the job's total).
ALTER TABLE "ImportJob" ADD COLUMN "siteRoot" TEXT,
ADD COLUMN "stagedRejected" INTEGER;
