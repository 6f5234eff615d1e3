-- The audit log's filters (packages/event-store/src/audit.ts), each ending in the global order so a filtered page
-- newest-first is one index range. Causation also serves "events this event caused". Every index costs appends:
-- they were measured in the append benchmark (README).
CREATE INDEX IF NOT EXISTS "events_correlation_idx" ON "events" ((metadata->>'correlationId'), "tx_id", "position");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "events_causation_idx" ON "events" ((metadata->>'causationId'));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "events_actor_idx" ON "events" ((metadata->>'actor'), "tx_id", "position");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "events_type_idx" ON "events" ("type", "tx_id", "position");--> statement-breakpoint
-- Recording time rises with the log's order, so a BRIN index (a few pages, next to free to keep up) serves the
-- time-range filter without the cost a btree adds to every append.
CREATE INDEX IF NOT EXISTS "events_recorded_at_brin" ON "events" USING brin ("recorded_at");
