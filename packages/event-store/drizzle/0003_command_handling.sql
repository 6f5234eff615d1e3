CREATE TABLE "commands" (
	"command_id" text PRIMARY KEY NOT NULL,
	"stream_ids" text[] NOT NULL,
	"result" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"stream_id" text NOT NULL,
	"reducer_version" integer NOT NULL,
	"stream_type" text NOT NULL,
	"version" bigint NOT NULL,
	"state" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "snapshots_pkey" PRIMARY KEY("stream_id","reducer_version")
);
