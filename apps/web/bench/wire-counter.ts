import { createServer, connect, type Server } from "node:net";

/**
 * A TCP proxy in front of Postgres that counts round trips: every simple Query ('Q') and every Sync ('S', the end
 * of an extended-protocol query, which is how postgres-js sends each statement) a client sends is one trip to the
 * server and back. The process under test is unchanged: only its DATABASE_URL points here.
 */
export async function startWireCounter(target: URL): Promise<{ url(database: URL): string; trips(): number; close(): Promise<void> }> {
  let trips = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    let started = false;
    let pending = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          // The startup packet (and an SSL request before it) has no type byte: length, then the body.
          if (pending.length < 4) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          if (code !== 80877103) started = true; // 80877103: SSLRequest; the real startup follows it
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const type = String.fromCharCode(pending[0]!);
        if (type === "Q" || type === "S") trips++;
        pending = pending.subarray(1 + length);
      }
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url(database) {
      const via = new URL(database);
      via.hostname = "127.0.0.1";
      via.port = String(port);
      return via.toString();
    },
    trips: () => trips,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
