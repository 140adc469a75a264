-- Each API process keeps the tokens it has verified in memory for a few seconds (issue 15: a
-- lookup per request was a round trip of every authenticated request). A revoked, changed or
-- deleted token must stop working on every process at once, so any such commit notifies
-- pressroom_api_tokens_changed, which every process LISTENs to (ContentChanges) and answers by
-- forgetting every token it keeps. Not for lastUsedAt, which the API itself writes once a minute.
CREATE FUNCTION pressroom_api_tokens_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pressroom_api_tokens_changed', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER api_tokens_changed_update AFTER UPDATE ON "ApiToken" FOR EACH ROW
  WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD.role IS DISTINCT FROM NEW.role
        OR OLD."secretHash" IS DISTINCT FROM NEW."secretHash" OR OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION pressroom_api_tokens_changed();
CREATE TRIGGER api_tokens_changed_delete AFTER DELETE ON "ApiToken" FOR EACH STATEMENT
  EXECUTE FUNCTION pressroom_api_tokens_changed();
CREATE TRIGGER api_tokens_changed_truncate AFTER TRUNCATE ON "ApiToken" FOR EACH STATEMENT
  EXECUTE FUNCTION pressroom_api_tokens_changed();
