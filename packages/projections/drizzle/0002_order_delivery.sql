ALTER TABLE "rm_orders" DROP CONSTRAINT "rm_orders_status_check";--> statement-breakpoint
ALTER TABLE "rm_orders" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "rm_orders" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "rm_orders" ADD CONSTRAINT "rm_orders_status_check" CHECK ("rm_orders"."status" in ('pending', 'confirmed', 'rejected', 'cancelled', 'shipped', 'delivered'));