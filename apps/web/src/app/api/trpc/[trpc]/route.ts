import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createContext } from "@chronicle/api";
import { boundedBody, MAX_BODY_BYTES, refuseRequest } from "~/server/csrf";
import { getRuntime } from "~/server/runtime";

export const dynamic = "force-dynamic";

async function handler(request: Request): Promise<Response> {
  const runtime = await getRuntime();
  const refusal = refuseRequest(request, runtime.origins);
  if (refusal) return Response.json({ error: { message: refusal.message } }, { status: refusal.status });
  let req = request;
  if (request.method === "POST") {
    const body = await boundedBody(request);
    if (body === null) return Response.json({ error: { message: `body over ${MAX_BODY_BYTES} bytes` } }, { status: 413 });
    req = new Request(request.url, { method: "POST", headers: request.headers, body });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // The web's own checks ran above; tRPC's: no GET mutations, no form bodies (the JSON check already refused them).
    allowMethodOverride: false,
    createContext: ({ resHeaders }) => createContext(runtime.services, req.headers, { setCookie: (cookie) => resHeaders.append("set-cookie", cookie) }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") runtime.services.log.error({ path, err: error.cause ?? error }, "tRPC request failed");
    },
  });
}

export { handler as GET, handler as POST };
