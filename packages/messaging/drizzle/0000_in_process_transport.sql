-- The in-process transport's durable state, when it is given a database (the embedded default): its streams'
-- messages (the dead letters among them) and each durable consumer's acknowledgements.
CREATE TABLE "messaging_streams" (
	"name" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messaging_messages" (
	"stream" text NOT NULL,
	"seq" bigint NOT NULL,
	"msg_id" text NOT NULL,
	"message" jsonb NOT NULL,
	"stored_at" bigint NOT NULL,
	CONSTRAINT "messaging_messages_pkey" PRIMARY KEY ("stream", "seq")
);
--> statement-breakpoint
CREATE TABLE "messaging_consumers" (
	"stream" text NOT NULL,
	"durable" text NOT NULL,
	"filter_subject" text,
	"ack_floor" bigint NOT NULL,
	"acked_above" jsonb NOT NULL,
	CONSTRAINT "messaging_consumers_pkey" PRIMARY KEY ("stream", "durable")
);
