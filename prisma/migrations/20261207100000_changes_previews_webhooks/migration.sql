-- CreateEnum
CREATE TYPE "ArticleChangeKind" AS ENUM ('CREATED', 'UPDATED', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED', 'DELETED');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "ArticleChange" (
    "id" BIGSERIAL NOT NULL,
    "articleId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "oldSlug" TEXT,
    "kind" "ArticleChangeKind" NOT NULL,
    "status" "ArticleStatus" NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "visibleBefore" BOOLEAN NOT NULL,
    "visibleAfter" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeCursor" (
    "id" INTEGER NOT NULL,
    "scheduledCheckedAt" TIMESTAMPTZ(3) NOT NULL,
    "dispatchedChangeId" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ChangeCursor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreviewToken" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PreviewToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "description" TEXT,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "webhookId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "firstAttemptAt" TIMESTAMPTZ(3),
    "redeliveryOf" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDeliveryAttempt" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL,
    "code" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT,
    "excerpt" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArticleChange_articleId_version_idx" ON "ArticleChange"("articleId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PreviewToken_secretHash_key" ON "PreviewToken"("secretHash");

-- CreateIndex
CREATE INDEX "PreviewToken_articleId_idx" ON "PreviewToken"("articleId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_subject_seq_idx" ON "WebhookDelivery"("webhookId", "subject", "seq");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_seq_key" ON "WebhookDelivery"("seq");

-- CreateIndex
CREATE INDEX "WebhookDeliveryAttempt_deliveryId_at_idx" ON "WebhookDeliveryAttempt"("deliveryId", "at");

-- AddForeignKey
ALTER TABLE "PreviewToken" ADD CONSTRAINT "PreviewToken_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDeliveryAttempt" ADD CONSTRAINT "WebhookDeliveryAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The changes feed (issue 16): every write to an article leaves one "ArticleChange" row, written
-- in the writer's transaction, so a commit and its change are one. bigserial order is not
-- commit order (a transaction may draw id 5, then commit after another drew 6 and committed: a
-- reader that already went past 6 would never see 5). So the rows are written by a DEFERRED
-- constraint trigger, which runs just before commit, after taking one transaction-scoped
-- advisory lock that is held until the commit ends: ids are drawn in commit order, and once a
-- reader sees id n, every id below n is committed (or was rolled back, leaving a gap). The lock
-- serialises only the last moment of transactions that wrote articles; it is the last lock they
-- take, so it cannot deadlock. The scheduled-publication check takes the same lock.
CREATE FUNCTION pressroom_article_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  visible_before boolean := false;
  visible_after boolean := false;
  change_kind "ArticleChangeKind";
BEGIN
  -- `at` is the commit's time (clock_timestamp at commit), not the transaction's start.
  PERFORM pg_advisory_xact_lock(7316001, 16);
  IF TG_OP <> 'INSERT' THEN
    visible_before := OLD.status = 'PUBLISHED' AND (OLD."publishedAt" IS NULL OR OLD."publishedAt" <= clock_timestamp());
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "ArticleChange" ("articleId", slug, kind, status, version, "publishedAt", "visibleBefore", "visibleAfter", at)
    VALUES (OLD.id, OLD.slug, 'DELETED', OLD.status, OLD.version, OLD."publishedAt", visible_before, false, clock_timestamp());
    RETURN NULL;
  END IF;
  visible_after := NEW.status = 'PUBLISHED' AND (NEW."publishedAt" IS NULL OR NEW."publishedAt" <= clock_timestamp());
  IF TG_OP = 'INSERT' THEN
    change_kind := 'CREATED';
  ELSIF NEW.status = OLD.status THEN
    change_kind := 'UPDATED';
  ELSIF NEW.status = 'PUBLISHED' THEN
    change_kind := 'PUBLISHED';
  ELSIF NEW.status = 'ARCHIVED' THEN
    change_kind := 'ARCHIVED';
  ELSE
    change_kind := 'UNPUBLISHED';
  END IF;
  INSERT INTO "ArticleChange" ("articleId", slug, "oldSlug", kind, status, version, "publishedAt", "visibleBefore", "visibleAfter", at)
  VALUES (NEW.id, NEW.slug, CASE WHEN TG_OP = 'UPDATE' AND OLD.slug <> NEW.slug THEN OLD.slug END, change_kind,
          NEW.status, NEW.version, NEW."publishedAt", visible_before, visible_after, clock_timestamp());
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER article_changed_insert AFTER INSERT ON "Article"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pressroom_article_changed();
-- Only writes a reader can tell apart: not the search-vector refresh of a bulk writer.
CREATE CONSTRAINT TRIGGER article_changed_update AFTER UPDATE ON "Article"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.version IS DISTINCT FROM NEW.version OR OLD.slug IS DISTINCT FROM NEW.slug
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt"
        OR OLD."updatedAt" IS DISTINCT FROM NEW."updatedAt")
  EXECUTE FUNCTION pressroom_article_changed();
CREATE CONSTRAINT TRIGGER article_changed_delete AFTER DELETE ON "Article"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pressroom_article_changed();
