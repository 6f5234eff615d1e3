-- A command the sender gave up on is parked (and listed for an admin's retry) instead of silently left behind.
ALTER TABLE "fulfillment_outbox" ADD COLUMN "parked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fulfillment_outbox" ADD COLUMN "parked_reason" text;--> statement-breakpoint
-- Rows the sender already gave up on (attempts at its default maximum of 5) are parked now.
UPDATE "fulfillment_outbox" SET "parked_at" = now(), "parked_reason" = 'attempts' WHERE "attempts" >= 5;
