-- A re-import finds unchanged files by path and content hash without parsing them.
-- CreateIndex
CREATE INDEX "Article_sourcePath_idx" ON "Article"("sourcePath");
