/**
 * The catalog baseline's server (started by baselines.ts): `listCatalog` on the shop's database behind a bare
 * node:http handler, nothing else: no Next, no tRPC, no session, no projections running beside it.
 */
import { createServer } from "node:http";
import { openPlatform, parseEnv, PlatformEnvSchema } from "@chronicle/platform";
import { listCatalog } from "@chronicle/projections";

const platform = await openPlatform(parseEnv(PlatformEnvSchema), { service: "bench-bare" });
const server = createServer((request, response) => {
  listCatalog(platform.database.db).then(
    (data) => {
      const body = JSON.stringify({ result: { data } });
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      response.end(body);
    },
    (error: unknown) => {
      response.writeHead(500).end(String(error));
    },
  );
  request.resume();
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void platform.close().then(() => process.exit(0));
});
