import { CLIENT_ADDRESS_HEADER } from "@chronicle/api/client-address";
import { clientAddressIsVouchedFor } from "~/server/client-address-mark";
import { getRuntime } from "~/server/runtime";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign up, sign in, sign out, session), with its origin checks and rate limits keyed on
// the client address that the web server wrote. Without that server, the header could be the client's own claim.
async function handler(request: Request): Promise<Response> {
  const runtime = await getRuntime();
  if (!clientAddressIsVouchedFor() && request.headers.has(CLIENT_ADDRESS_HEADER)) {
    const headers = new Headers(request.headers);
    headers.delete(CLIENT_ADDRESS_HEADER);
    return runtime.auth.handler(new Request(request, { headers }));
  }
  return runtime.auth.handler(request);
}

export { handler as GET, handler as POST };
