CREATE TABLE "fulfillment_orders" (
	"order_id" text PRIMARY KEY NOT NULL,
	"lines" jsonb NOT NULL,
	"reserved" text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfillment_outbox" (
	"command_id" text PRIMARY KEY NOT NULL,
	"command" jsonb NOT NULL,
	"metadata" jsonb NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
