import { BlockList, isIP } from "node:net";

/**
 * Who is calling, for rate limits and sessions: the TCP peer, unless the peer is a proxy the operator named
 * (TRUSTED_PROXIES) — then the right-most address in X-Forwarded-For that is not itself a trusted proxy. A client can
 * put anything in X-Forwarded-For, so an untrusted peer's header is ignored entirely (trusting it let a client rotate
 * the header and never be rate-limited), and a trusted proxy's header is read from the right, where the hops it
 * appended are, never from the client-controlled left.
 */
export function clientAddressResolver(trustedProxies: readonly string[]): (peer: string | undefined, forwardedFor: string | string[] | undefined) => string {
  // No proxy is trusted: the peer, without asking an empty block list (it builds a SocketAddress per check, on
  // every request: measured with `bench:profile catalog`).
  if (trustedProxies.length === 0) return (peer) => unmapped(peer ?? "");
  const trusted = new BlockList();
  for (const entry of trustedProxies) {
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(prefix), family);
  }
  const isTrusted = (ip: string) => isIP(ip) !== 0 && trusted.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
  return (peer, forwardedFor) => {
    let address = unmapped(peer ?? "");
    if (!isTrusted(address)) return address;
    const hops = [forwardedFor ?? []].flat().join(",").split(",").map((hop) => unmapped(hop.trim())).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      // Not an address (garbage, or host:port): stop at the last hop a trusted proxy vouched for.
      if (isIP(hops[i]!) === 0) return address;
      address = hops[i]!;
      if (!isTrusted(address)) return address;
    }
    return address;
  };
}

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) is 1.2.3.4. */
function unmapped(address: string): string {
  return address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** A TRUSTED_PROXIES entry: an IPv4 or IPv6 address, or a CIDR block of either. */
export function isAddressOrBlock(entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  if (extra !== undefined || !address || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (isIP(address) === 6 ? 128 : 32);
}
