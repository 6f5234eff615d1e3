import type { NextConfig } from "next";
import { securityHeaders } from "./src/server/security-headers.ts";

const config: NextConfig = {
  // Lets two builds (e.g. an e2e run and a developer's) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: [...securityHeaders] }];
  },
};

export default config;
