-- The command itself (type, data, metadata) and the version of each stream its decision read, next to its outcome:
-- every event's commandId leads to its command, and the decision can be replayed. Null for rows recorded before.
ALTER TABLE "commands" ADD COLUMN "command" jsonb;--> statement-breakpoint
ALTER TABLE "commands" ADD COLUMN "read_versions" jsonb;