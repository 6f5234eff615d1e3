CREATE TABLE "rm_carts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"last_tx_id" bigint NOT NULL,
	"last_position" bigint NOT NULL,
	"last_event_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_catalog" (
	"product_id" text PRIMARY KEY NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"price_amount" integer NOT NULL,
	"price_currency" text NOT NULL,
	"status" text NOT NULL,
	"available_stock" bigint NOT NULL,
	"last_tx_id" bigint NOT NULL,
	"last_position" bigint NOT NULL,
	"last_event_id" uuid NOT NULL,
	CONSTRAINT "rm_catalog_status_check" CHECK ("rm_catalog"."status" in ('listed', 'delisted'))
);
--> statement-breakpoint
CREATE TABLE "rm_orders" (
	"order_id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total_amount" bigint NOT NULL,
	"total_currency" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"rejection_reason" text,
	"placed_tx_id" bigint NOT NULL,
	"placed_position" bigint NOT NULL,
	"last_tx_id" bigint NOT NULL,
	"last_position" bigint NOT NULL,
	"last_event_id" uuid NOT NULL,
	CONSTRAINT "rm_orders_status_check" CHECK ("rm_orders"."status" in ('pending', 'confirmed', 'rejected', 'cancelled', 'shipped'))
);
--> statement-breakpoint
CREATE TABLE "rm_overview_users" (
	"user_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"registered_tx_id" bigint NOT NULL,
	"registered_position" bigint NOT NULL,
	"last_tx_id" bigint NOT NULL,
	"last_position" bigint NOT NULL,
	"last_event_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_sales_counted_orders" (
	"order_id" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"last_tx_id" bigint NOT NULL,
	"last_position" bigint NOT NULL,
	"last_event_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_sales_per_day" (
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"orders" integer NOT NULL,
	"revenue" bigint NOT NULL,
	"last_tx_id" bigint NOT NULL,
	"last_position" bigint NOT NULL,
	"last_event_id" uuid NOT NULL,
	CONSTRAINT "rm_sales_per_day_pkey" PRIMARY KEY("day","currency")
);
--> statement-breakpoint
CREATE INDEX "rm_catalog_status_name_idx" ON "rm_catalog" USING btree ("status","name","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rm_orders_placed_idx" ON "rm_orders" USING btree ("placed_tx_id","placed_position");--> statement-breakpoint
CREATE INDEX "rm_orders_status_placed_idx" ON "rm_orders" USING btree ("status","placed_tx_id","placed_position");--> statement-breakpoint
CREATE INDEX "rm_orders_user_placed_idx" ON "rm_orders" USING btree ("user_id","placed_tx_id","placed_position");--> statement-breakpoint
CREATE UNIQUE INDEX "rm_overview_users_registered_idx" ON "rm_overview_users" USING btree ("registered_tx_id","registered_position");