-- Crypto-shredding: one data key per data subject (a person), wrapped by the master key from the environment.
-- Forgetting a subject sets wrapped_key to null (and keeps the row as a tombstone): every field encrypted with the
-- key can never be read again, while the log itself is never rewritten. The check row proves at start-up that the
-- configured master key is the one that wrapped these keys.
CREATE TABLE "subject_keys" (
	"subject" text PRIMARY KEY NOT NULL,
	"wrapped_key" bytea,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"forgotten_at" timestamp with time zone,
	CONSTRAINT "subject_keys_key_or_forgotten" CHECK (("wrapped_key" IS NULL) = ("forgotten_at" IS NOT NULL))
);--> statement-breakpoint
CREATE TABLE "master_key_check" (
	"id" integer PRIMARY KEY NOT NULL DEFAULT 1,
	"token" bytea NOT NULL,
	"rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "master_key_check_one_row" CHECK ("id" = 1)
);
