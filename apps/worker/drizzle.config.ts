import { defineConfig } from "drizzle-kit";

export default defineConfig({ dialect: "postgresql", schema: "./src/fulfillment/schema.ts", out: "./drizzle" });
