-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" BIGSERIAL NOT NULL,
    "event" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);


-- import.finished (issue 16): one event per job, when it reaches a final status, whichever
-- process ends it (an API, `cms worker`, `cms import`), in the same transaction.
CREATE FUNCTION pressroom_import_finished() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WebhookEvent" (event, subject, data)
  VALUES ('import.finished', 'import:' || NEW.id, jsonb_build_object(
    'id', NEW.id, 'status', NEW.status, 'source', NEW.source, 'dryRun', NEW."dryRun",
    'total', NEW.total, 'created', NEW.created, 'updated', NEW.updated, 'unchanged', NEW.unchanged,
    'failed', NEW.failed, 'skipped', NEW.skipped, 'error', NEW.error,
    'startedAt', NEW."startedAt", 'finishedAt', NEW."finishedAt"));
  RETURN NULL;
END
$$;

CREATE TRIGGER import_finished_update AFTER UPDATE OF status ON "ImportJob" FOR EACH ROW
  WHEN (NEW.status IN ('SUCCEEDED', 'PARTIAL', 'FAILED') AND OLD.status NOT IN ('SUCCEEDED', 'PARTIAL', 'FAILED'))
  EXECUTE FUNCTION pressroom_import_finished();
CREATE TRIGGER import_finished_insert AFTER INSERT ON "ImportJob" FOR EACH ROW
  WHEN (NEW.status IN ('SUCCEEDED', 'PARTIAL', 'FAILED'))
  EXECUTE FUNCTION pressroom_import_finished();
