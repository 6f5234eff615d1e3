import { getRuntime } from "~/server/runtime";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign up, sign in, sign out, session), with its origin checks and rate limits.
async function handler(request: Request): Promise<Response> {
  const runtime = await getRuntime();
  return runtime.auth.handler(request);
}

export { handler as GET, handler as POST };
