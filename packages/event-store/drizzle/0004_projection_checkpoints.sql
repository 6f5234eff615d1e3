CREATE TABLE "projection_checkpoints" (
	"name" text PRIMARY KEY NOT NULL,
	"tx_id" "xid8" DEFAULT '0'::xid8 NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"error" text,
	"error_event_id" uuid,
	"error_position" bigint,
	"failed_at" timestamp with time zone,
	"leader" text,
	"heartbeat_at" timestamp with time zone,
	"rebuild_requested_at" timestamp with time zone,
	"events_done" bigint DEFAULT 0 NOT NULL,
	"events_total" bigint,
	"started_at" timestamp with time zone,
	"skipped" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
