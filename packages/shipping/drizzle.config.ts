import { defineConfig } from "drizzle-kit";

export default defineConfig({ dialect: "postgresql", schema: "./src/read-model/schema.ts", out: "./drizzle" });
