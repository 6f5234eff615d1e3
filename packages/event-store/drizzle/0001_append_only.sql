-- The log is append-only, and the database itself refuses anything else: no UPDATE, DELETE or TRUNCATE of events,
-- whoever the client is. Statement-level triggers cost nothing on INSERT.
CREATE FUNCTION chronicle_refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % on "%" is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'CH001', HINT = 'Append a compensating event instead.';
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_append_only
  BEFORE UPDATE OR DELETE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION chronicle_refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate
  BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION chronicle_refuse_log_change();
